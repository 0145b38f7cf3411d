package de.nrw.intervention.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Makes the engine run its task queries (Tasklist filters, {@code GET /task}, the Java API) and variable instance
 * queries (the variables Tasklist shows in a list) with the authorization check of {@code ExistsAuthorization.xml}:
 * sub-selects instead of a join that grows with rows x grants. Also replaces the engine's per-command lookup of the
 * groups holding authorizations, which otherwise reads the whole authorization table, and keeps the groups found for
 * the node ({@link KnownAuthorizedGroups}).
 *
 * <p>Registered as statement mappings of the engine's session factory, the mechanism the engine uses for its own
 * database-specific statements: engine code and query objects stay untouched.
 */
public class ExistsAuthorizationPlugin extends AbstractProcessEnginePlugin {

  private static final String DIR = "de/nrw/intervention/inbox/";
  /** In load order: the shared check first, the queries that include it after. */
  static final List<String> MAPPERS = List.of(DIR + "ExistsAuthorization.xml",
      DIR + "TaskQueryWithExistsAuthorization.xml", DIR + "VariableQueryWithExistsAuthorization.xml",
      DIR + "AuthorizedGroupIds.xml");

  private static final String TASKS = "de.nrw.intervention.inbox.TaskQueryWithExistsAuthorization.";
  private static final String VARIABLES = "de.nrw.intervention.inbox.VariableQueryWithExistsAuthorization.";
  /** Engine statement id → ours. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", TASKS + "selectTaskByQueryCriteriaWithExistsAuthorization",
      "selectTaskCountByQueryCriteria", TASKS + "selectTaskCountByQueryCriteriaWithExistsAuthorization",
      "selectVariableInstanceByQueryCriteria", VARIABLES + "selectVariableInstanceByQueryCriteriaWithExistsAuthorization",
      "selectVariableInstanceCountByQueryCriteria",
      VARIABLES + "selectVariableInstanceCountByQueryCriteriaWithExistsAuthorization",
      "selectAuthorizedGroupIds", "de.nrw.intervention.inbox.AuthorizedGroupIds.selectAuthorizedGroupIdsByIndexWalk");

  @Override
  public void preInit(ProcessEngineConfigurationImpl engineConfiguration) {
    // Replaces the engine's AuthorizationManager factory (session factories are keyed by type; custom ones come last).
    List<SessionFactory> custom = engineConfiguration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(engineConfiguration.getCustomSessionFactories());
    custom.add(new KnownAuthorizedGroups());
    engineConfiguration.setCustomSessionFactories(custom);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl engineConfiguration) {
    Configuration myBatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
    // Replaced in our mappers when they are loaded: a few statements are written per database (tenantCheck).
    myBatis.getVariables().setProperty("interventionDatabaseType", engineConfiguration.getDatabaseType());
    MAPPERS.forEach(mapper -> MapperLoader.load(myBatis, mapper));
    MapperLoader.mapStatements(engineConfiguration.getDbSqlSessionFactory(), STATEMENTS);
  }
}
