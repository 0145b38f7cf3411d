package de.nrw.intervention.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes on engine tables that the engine does not create and our inboxes need, created after the engine's own
 * schema ({@code CREATE INDEX IF NOT EXISTS}: every node may run it, a second run changes nothing).
 *
 * <p>{@code INTERVENTION_IDX_TASK_DUE_CREATED}: every shared Tasklist filter sorts by due date, and Tasklist adds its
 * own order (newest first) behind it. Without an index in that order the database sorts every visible task to
 * show 15: 236 ms at 10,000 open tasks on PostgreSQL, 1.4 ms with it (docs/bench/explain-inbox-page-postgres.txt).
 * PostgreSQL also uses it for a due-date order with any other second key (incremental sort); H2 needs the exact
 * order.
 *
 * <p>A database user without the right to create indexes gets a warning with the statement for a DBA; the
 * application runs on, only slower.
 */
final class InboxIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(InboxIndexes.class);
  private static final Set<String> SUPPORTED = Set.of(DbSqlSessionFactory.POSTGRES, DbSqlSessionFactory.H2);

  private DataSource dataSource;
  private String databaseType;
  private String prefix;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
    databaseType = configuration.getDatabaseType();
    prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
  }

  /** After the engine created or upgraded its schema. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!SUPPORTED.contains(databaseType)) {
      statements(prefix).forEach(statement -> LOG.warn("Inbox index not created on {}: have a DBA run {}",
          databaseType, statement));
      return;
    }
    for (String statement : statements(prefix)) {
      create(statement);
    }
  }

  static List<String> statements(String prefix) {
    return List.of("CREATE INDEX IF NOT EXISTS INTERVENTION_IDX_TASK_DUE_CREATED ON " + prefix
        + "ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC)");
  }

  private void create(String statement) {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      connection.setAutoCommit(true);
      sql.execute(statement);
    } catch (SQLException e) {
      // Also what a node sees when another creates the same index in the same moment: the index is there then.
      LOG.warn("Inbox index not created ({}): inboxes get slower with many open tasks. Statement for a DBA: {}",
          e.getMessage(), statement);
    }
  }
}
