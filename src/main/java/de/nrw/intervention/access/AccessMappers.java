package de.nrw.intervention.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * The statements that count only what the user may read where the engine checks only the process definition
 * (Human Tasks report, process definition statistics), loaded into the engine's MyBatis configuration; the
 * statistics replace the engine's by statement mapping, the mechanism the engine uses for its own database-specific
 * statements.
 */
final class AccessMappers {

  private static final String DIR = "de/nrw/intervention/access/";
  static final String READABLE_INSTANCES = DIR + "ReadableInstances.xml";
  /** In load order: the shared fragments first. */
  static final List<String> ENGINE_MAPPERS = List.of(READABLE_INSTANCES, DIR + "AuthorizedTaskReport.xml",
      DIR + "EngineDistrictStatistics.xml");
  private static final String STATISTICS = "de.nrw.intervention.access.EngineDistrictStatistics.";
  static final Map<String, String> ENGINE_STATEMENTS = Map.of(
      "selectProcessDefinitionStatistics", STATISTICS + "selectProcessDefinitionStatisticsOfReadableInstances",
      "selectProcessDefinitionStatisticsCount", STATISTICS + "selectProcessDefinitionStatisticsOfReadableInstancesCount");

  private AccessMappers() {
  }

  static void install(ProcessEngineConfigurationImpl engineConfiguration) {
    Configuration myBatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
    ENGINE_MAPPERS.forEach(mapper -> load(myBatis, mapper));
    DbSqlSessionFactory sessions = engineConfiguration.getDbSqlSessionFactory();
    // A copy: the engine's map for this database type is static and shared by every engine in the JVM.
    Map<String, String> mappings = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(ENGINE_STATEMENTS);
    sessions.setStatementMappings(mappings);
  }

  /** One MyBatis configuration per engine unless engines share it: each mapper is loaded once. */
  private static void load(Configuration myBatis, String resource) {
    synchronized (myBatis) {
      if (myBatis.isResourceLoaded(resource)) {
        return;
      }
      try (InputStream mapper = AccessMappers.class.getClassLoader().getResourceAsStream(resource)) {
        if (mapper == null) {
          throw new IllegalStateException("Query mapper " + resource + " is missing from the classpath");
        }
        new XMLMapperBuilder(mapper, myBatis, resource, myBatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read query mapper " + resource, e);
      }
    }
  }
}
