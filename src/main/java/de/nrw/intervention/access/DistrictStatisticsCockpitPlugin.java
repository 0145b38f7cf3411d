package de.nrw.intervention.access;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Cockpit's dashboard and process list count running instances and incidents per process with queries of their own
 * (Cockpit's {@code cockpit.base.selectPDStatistics}), which check who may read the process definition but count
 * every instance: a Köln supervisor saw Bonn's cases in "Running process instances". This plugin brings the same
 * statements with the instances and incidents restricted to those the user may read
 * ({@code CockpitDistrictStatistics.xml}), and maps Cockpit's statement ids to them. Cockpit runs its queries on a
 * session factory of its own, outside the engine's command interceptors, so this is the door's own fix.
 */
public class DistrictStatisticsCockpitPlugin extends AbstractCockpitPlugin {

  static final String ID = "intervention-district-statistics";
  static final String MAPPER = "de/nrw/intervention/access/CockpitDistrictStatistics.xml";
  private static final String OURS = "de.nrw.intervention.access.CockpitDistrictStatistics.";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(DistrictStatisticsRootResource.class);
  }

  @Override
  public List<String> getMappingFiles() {
    return List.of(AccessMappers.READABLE_INSTANCES, MAPPER);
  }

  /**
   * Cockpit's session factory takes its statement mappings from the engine's per-database defaults when it is built
   * (at Cockpit's first query), so the mapping goes there, before that.
   */
  static void mapCockpitStatements() {
    // Cockpit asks for them by their short ids.
    StatementDefaults.map("selectPDStatistics", OURS + "selectPDStatisticsOfReadableInstances");
    StatementDefaults.map("selectPDStatisticsCount", OURS + "selectPDStatisticsOfReadableInstancesCount");
  }

  /** The engine's per-database statement defaults are only reachable from a subclass. */
  private static final class StatementDefaults extends DbSqlSessionFactory {

    private StatementDefaults() {
      super(false);
    }

    static void map(String statement, String replacement) {
      for (String databaseType : SUPPORTED_DATABASES) {
        synchronized (databaseSpecificStatements) {
          addDatabaseSpecificStatement(databaseType, statement, replacement);
        }
      }
    }
  }
}
