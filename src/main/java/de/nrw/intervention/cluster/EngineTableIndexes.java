package de.nrw.intervention.cluster;

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
 * A plugin that creates indexes on engine tables that the engine itself does not create, after the engine created
 * or upgraded its schema. Every statement is {@code CREATE INDEX IF NOT EXISTS}: every node of a cluster may run it,
 * a second run changes nothing, and a node that loses the race with another finds the index there.
 *
 * <p>A database user without the right to create indexes, or a database other than PostgreSQL and H2, gets a warning
 * with the statement for a DBA; the application runs on, only slower.
 */
public abstract class EngineTableIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTableIndexes.class);
  private static final Set<String> SUPPORTED = Set.of(DbSqlSessionFactory.POSTGRES, DbSqlSessionFactory.H2);

  private final String purpose;
  private DataSource dataSource;
  private String databaseType;
  private String prefix;

  /** @param purpose what gets slower without the indexes, for the warning ("inboxes", "job acquisition") */
  protected EngineTableIndexes(String purpose) {
    this.purpose = purpose;
  }

  /** The statements, with the engine's table prefix. */
  protected abstract List<String> statements(String prefix);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
    databaseType = configuration.getDatabaseType();
    prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!SUPPORTED.contains(databaseType)) {
      statements(prefix).forEach(statement -> LOG.warn("Index for {} not created on {}: have a DBA run {}", purpose,
          databaseType, statement));
      return;
    }
    for (String statement : statements(prefix)) {
      try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
        connection.setAutoCommit(true);
        sql.execute(statement);
      } catch (SQLException e) {
        LOG.warn("Index for {} not created ({}): {} gets slower with many rows. Statement for a DBA: {}", purpose,
            e.getMessage(), purpose, statement);
      }
    }
  }

  protected DataSource dataSource() {
    return dataSource;
  }

  protected String prefix() {
    return prefix;
  }
}
