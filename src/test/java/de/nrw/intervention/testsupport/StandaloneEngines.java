package de.nrw.intervention.testsupport;

import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Engines without Spring for tests of engine plugins and statements, on H2 or on the real PostgreSQL of
 * {@link TestPostgres}: no job executor, no history unless a test asks for it.
 */
public final class StandaloneEngines {

  private StandaloneEngines() {
  }

  /** For {@code @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")}. */
  public static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("h2"), Arguments.of("postgres"));
  }

  /** A fresh database: an H2 in memory (kept until the JVM ends, so a second engine may open it) or PostgreSQL. */
  public static String newDatabase(String database, String name) {
    return database.equals("postgres") ? TestPostgres.newDatabase()
        : "jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  }

  public static StandaloneInMemProcessEngineConfiguration configuration(String url, String name) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(url);
    if (url.startsWith("jdbc:postgresql:")) {
      configuration.setJdbcUsername(TestPostgres.USER);
      configuration.setJdbcPassword("");
      configuration.setJdbcDriver("org.postgresql.Driver");
    }
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setProcessEngineName(name + "-" + System.nanoTime());
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    return configuration;
  }
}
