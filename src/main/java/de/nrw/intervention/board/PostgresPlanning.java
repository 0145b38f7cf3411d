package de.nrw.intervention.board;

import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * PostgreSQL settings for the board's own transaction ({@code SET LOCAL}: they end with it, the pooled connection
 * is left as it was). Measured at 10,000 open and 100,000 completed tasks (BENCHMARKS.md, "Deadline board"):
 * <ul>
 *   <li>{@code plan_cache_mode = force_custom_plan}: the JDBC driver prepares a statement on the server from its
 *       fifth use, and PostgreSQL then plans it once for any parameters. Not knowing the district's supervisor group,
 *       that generic plan expects two grants and walks the completion-time index once per grant: 20 s instead of
 *       0.3 s for the compliance figures.</li>
 *   <li>{@code work_mem = 16MB}: the medians sort a year of the district's completed tasks (about 8 MB at 100,000),
 *       which the default 4 MB sorts on disk.</li>
 * </ul>
 * Needs PostgreSQL 12 or later (plan_cache_mode). Other databases are left alone.
 */
final class PostgresPlanning {

  private PostgresPlanning() {
  }

  static void forThisTransaction(CommandContext context) {
    if (!DbSqlSessionFactory.POSTGRES.equals(context.getProcessEngineConfiguration().getDatabaseType())) {
      return;
    }
    try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement()) {
      statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
      statement.execute("SET LOCAL work_mem = '16MB'");
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot set up the deadline board's queries on PostgreSQL", e);
    }
  }
}
