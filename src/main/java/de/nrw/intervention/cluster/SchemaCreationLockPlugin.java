package de.nrw.intervention.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time build its process engine on PostgreSQL, so nodes started together on an empty
 * database do not both create the engine's schema (the second would fail on duplicate tables and stop).
 *
 * <p>A session-level advisory lock, held on its own connection from before the engine checks its schema until
 * the engine is built; it is released when that connection closes, also if the node dies.
 */
@Component
class SchemaCreationLockPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaCreationLockPlugin.class);
  /** Any constant shared by all nodes; "intervention schema" in ASCII. */
  private static final long LOCK_KEY = 0x696e7465727653L;

  private final DataSource dataSource;
  private Connection lockConnection;

  SchemaCreationLockPlugin(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      }
      lockConnection = connection;
      LOG.debug("Holding the schema creation lock");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the schema creation lock on the database", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release();
  }

  private void release() {
    if (lockConnection == null) {
      return;
    }
    try (Connection connection = lockConnection; Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Releasing the schema creation lock failed; closing its connection releases it: {}", e.getMessage());
    } finally {
      lockConnection = null;
    }
  }
}
