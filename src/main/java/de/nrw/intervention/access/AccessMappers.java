package de.nrw.intervention.access;

import de.nrw.intervention.inbox.MapperLoader;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

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
    ENGINE_MAPPERS.forEach(mapper -> MapperLoader.load(myBatis, mapper));
    MapperLoader.mapStatements(engineConfiguration.getDbSqlSessionFactory(), ENGINE_STATEMENTS);
  }
}
