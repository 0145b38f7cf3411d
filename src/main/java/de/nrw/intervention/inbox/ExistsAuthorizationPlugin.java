package de.nrw.intervention.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Makes the engine run its task queries (Tasklist filters, {@code GET /task}, the Java API) and variable instance
 * queries (the variables Tasklist shows in a list) with the authorization check of {@code ExistsAuthorization.xml}:
 * sub-selects instead of a join that grows with rows x grants. Also replaces the engine's per-command lookup of the
 * groups holding authorizations, which otherwise reads the whole authorization table.
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
  public void postInit(ProcessEngineConfigurationImpl engineConfiguration) {
    Configuration myBatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
    MAPPERS.forEach(mapper -> load(myBatis, mapper));
    DbSqlSessionFactory sessions = engineConfiguration.getDbSqlSessionFactory();
    // A copy: the engine's map for this database type is static and shared by every engine in the JVM.
    Map<String, String> mappings = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }

  /** One MyBatis configuration per engine unless engines share it: each mapper is loaded once. */
  private void load(Configuration myBatis, String resource) {
    synchronized (myBatis) {
      if (myBatis.isResourceLoaded(resource)) {
        return;
      }
      try (InputStream mapper = getClass().getClassLoader().getResourceAsStream(resource)) {
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
