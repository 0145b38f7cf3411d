package de.nrw.intervention.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Makes the engine run its task list and task count queries with {@code TaskQueryWithExistsAuthorization.xml}: the
 * engine's own SQL with the authorization check as sub-selects instead of a join that grows with (visible tasks x
 * task grants). Every task query goes through it: Tasklist filters, {@code GET /task}, the Java API. Also the
 * engine's per-command lookup of groups holding authorizations, which otherwise reads the whole authorization table.
 *
 * <p>Registered as a statement mapping of the engine's session factory, the same mechanism the engine uses for its
 * database-specific statements, so the engine code and its query objects stay untouched.
 */
public class ExistsAuthorizationTaskQueryPlugin extends AbstractProcessEnginePlugin {

  static final String MAPPER = "de/nrw/intervention/inbox/TaskQueryWithExistsAuthorization.xml";
  static final String GROUPS_MAPPER = "de/nrw/intervention/inbox/AuthorizedGroupIds.xml";
  static final String NAMESPACE = "de.nrw.intervention.inbox.TaskQueryWithExistsAuthorization";
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectTaskByQueryCriteriaWithExistsAuthorization",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteriaWithExistsAuthorization",
      "selectAuthorizedGroupIds", "de.nrw.intervention.inbox.AuthorizedGroupIds.selectAuthorizedGroupIdsByIndexWalk");

  @Override
  public void postInit(ProcessEngineConfigurationImpl engineConfiguration) {
    Configuration myBatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
    load(myBatis, MAPPER);
    load(myBatis, GROUPS_MAPPER);
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
