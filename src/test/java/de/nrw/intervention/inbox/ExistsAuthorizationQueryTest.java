package de.nrw.intervention.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.nrw.intervention.testsupport.StandaloneEngines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rewritten task query must return exactly what the engine's own SQL returns, for every kind of grant. Each
 * query runs twice on the same data, once through our statement and once through the engine's, on H2 and on a real
 * PostgreSQL.
 */
class ExistsAuthorizationQueryTest {

  private ProcessEngine engine;
  private Map<String, String> withPlugin;
  private Map<String, String> engineOwn;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")
  void everyKindOfGrantSeesTheSameTasksAsWithTheEngineSql(String database) {
    start(database);
    seed();
    List<String> users = List.of("police1", "youth1", "nobody", "taskUser", "defUser", "starUser", "multi");
    for (String user : users) {
      as(user, () -> assertSame(user, "all", () -> engine.getTaskService().createTaskQuery()));
      if (!groupsOf(user).isEmpty()) {
        as(user, () -> assertSame(user, "agency inbox", () -> engine.getTaskService().createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
      }
      as(user, () -> assertSame(user, "sorted page", () -> engine.getTaskService().createTaskQuery()
          .orderByDueDate().asc().orderByTaskCreateTime().desc()));
      as(user, () -> assertSame(user, "or query", () -> engine.getTaskService().createTaskQuery()
          .or().taskAssignee("police1").taskCandidateGroup("youthWelfareKoeln").endOr()));
      candidateQueries().forEach((what, query) -> as(user, () -> assertSame(user, what, query)));
    }
    // Without an authenticated user (the engine's own jobs, administrators' Java calls) the candidate forms hold too.
    candidateQueries().forEach((what, query) -> assertSame("no authentication", what, query));
    // The agency inbox of a police officer: police tasks of the district only.
    as("police1", () -> assertThat(names(engine.getTaskService().createTaskQuery().list()))
        .containsOnly("police task koeln", "shared task koeln"));
    as("multi", () -> assertThat(names(engine.getTaskService().createTaskQuery().list())).contains("tenant task"));
    // A task offered to two of a user's groups is listed and counted once.
    as("multi", () -> assertThat(engine.getTaskService().createTaskQuery()
        .taskCandidateGroupIn(List.of("policeKoeln", "youthWelfareKoeln")).includeAssignedTasks().count()).isEqualTo(4));
    // A grant on every task ('*') and a grant on the process definition show everything of that scope.
    as("starUser", () -> assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(7));
    as("defUser", () -> assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(4));
    as("nobody", () -> assertThat(engine.getTaskService().createTaskQuery().count()).isZero());
  }

  /**
   * The candidate conditions our statement writes as EXISTS (and every neighbour that keeps the engine's join), in a
   * total order so that pages can be compared row by row.
   */
  private Map<String, Supplier<TaskQuery>> candidateQueries() {
    Map<String, Supplier<TaskQuery>> queries = new java.util.LinkedHashMap<>();
    TaskService tasks = engine.getTaskService();
    queries.put("candidate groups, assigned too", () -> tasks.createTaskQuery()
        .taskCandidateGroupIn(List.of("policeKoeln", "youthWelfareKoeln", "policeBonn")).includeAssignedTasks()
        .orderByTaskCreateTime().desc().orderByTaskId().asc());
    queries.put("agency inbox in Tasklist's order", () -> tasks.createTaskQuery()
        .taskCandidateGroupIn(List.of("policeKoeln", "youthWelfareKoeln")).includeAssignedTasks()
        .orderByDueDate().asc().orderByTaskCreateTime().desc().orderByTaskId().asc());
    queries.put("candidate groups, unassigned", () -> tasks.createTaskQuery()
        .taskCandidateGroupIn(List.of("policeKoeln", "youthWelfareKoeln")).orderByTaskId().desc());
    queries.put("one candidate group", () -> tasks.createTaskQuery().taskCandidateGroup("youthWelfareKoeln")
        .orderByTaskName().asc().orderByTaskId().asc());
    queries.put("candidate user and their groups", () -> tasks.createTaskQuery().taskCandidateUser("youth1")
        .includeAssignedTasks().orderByTaskId().asc());
    queries.put("candidate group like", () -> tasks.createTaskQuery().taskCandidateGroupLike("police%")
        .orderByTaskId().asc());
    queries.put("with candidate groups", () -> tasks.createTaskQuery().withCandidateGroups().orderByTaskId().asc());
    queries.put("with candidate users", () -> tasks.createTaskQuery().withCandidateUsers().orderByTaskId().asc());
    queries.put("without tenant id", () -> tasks.createTaskQuery().withoutTenantId().orderByTaskId().asc());
    queries.put("without candidate groups", () -> tasks.createTaskQuery().withoutCandidateGroups()
        .orderByTaskId().asc());
    queries.put("involved user (keeps the join)", () -> tasks.createTaskQuery().taskInvolvedUser("youth1")
        .orderByTaskId().asc());
    queries.put("candidate group and involved user", () -> tasks.createTaskQuery().taskCandidateGroup("policeKoeln")
        .taskInvolvedUser("police1").includeAssignedTasks().orderByTaskId().asc());
    queries.put("candidate group or assignee (keeps the join)", () -> tasks.createTaskQuery().or()
        .taskCandidateGroup("policeKoeln").taskAssignee("youth1").endOr().orderByTaskId().asc());
    queries.put("candidate group, by process variable", () -> tasks.createTaskQuery()
        .taskCandidateGroupIn(List.of("policeKoeln", "youthWelfareKoeln")).includeAssignedTasks()
        .orderByProcessVariable("rank", org.camunda.bpm.engine.variable.type.ValueType.INTEGER).asc()
        .orderByTaskId().asc());
    return queries;
  }

  @ParameterizedTest
  @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")
  void theInboxOrderHasItsIndex(String database) throws Exception {
    start(database);
    try (java.sql.Connection connection = configuration().getDataSource().getConnection();
        java.sql.ResultSet indexes = connection.getMetaData().getIndexInfo(null, null,
            database.equals("postgres") ? "act_ru_task" : "ACT_RU_TASK", false, false)) {
      List<String> names = new ArrayList<>();
      while (indexes.next()) {
        names.add(String.valueOf(indexes.getString("INDEX_NAME")).toUpperCase(java.util.Locale.ROOT));
      }
      assertThat(names).contains("INTERVENTION_IDX_TASK_DUE_CREATED");
    }
    // A second node starting on the same database changes nothing and does not fail.
    InboxIndexes secondNode = new InboxIndexes();
    secondNode.postInit(configuration());
    secondNode.postProcessEngineBuild(engine);
  }

  @ParameterizedTest
  @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")
  void groupsHoldingAuthorizationsAreTheSameAsWithTheEngineSql(String database) {
    start(database);
    seed();
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    sessions.setStatementMappings(engineOwn);
    List<String> expected = authorizedGroupIds();
    sessions.setStatementMappings(withPlugin);

    assertThat(authorizedGroupIds()).containsExactlyInAnyOrderElementsOf(expected)
        .contains("policeKoeln", "policeBonn", "youthWelfareKoeln");
  }

  /**
   * KnownAuthorizedGroups: the user's groups are read from the database until they are known, then not again; a
   * group's first authorization counts at once; a remembered group whose authorizations are gone sees what the
   * engine's own manager (which reads the groups in every command) lets it see.
   */
  @ParameterizedTest
  @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")
  void knownGroupsAreNotReadAgain_aFirstAuthorizationCountsAtOnce_removedOnesAsWithTheEngine(String database) {
    start(database);
    seed();
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    as("police1", () -> engine.getTaskService().createTaskQuery().list()); // policeKoeln is known now
    Map<String, String> groupsUnreadable = new HashMap<>(withPlugin);
    groupsUnreadable.put("selectAuthorizedGroupIds", "no.such.statement.selectAuthorizedGroupIds");
    sessions.setStatementMappings(groupsUnreadable);
    as("police1", () -> assertThat(names(engine.getTaskService().createTaskQuery().list()))
        .as("known groups: no read").contains("police task koeln"));

    IdentityService identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup("schoolKoeln"));
    identity.saveUser(identity.newUser("teacher1"));
    identity.createMembership("teacher1", "schoolKoeln");
    as("teacher1", () -> assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().list())
        .as("a group not known yet is read").hasStackTraceContaining("no.such.statement"));
    sessions.setStatementMappings(withPlugin);
    as("teacher1", () -> assertThat(engine.getTaskService().createTaskQuery().list()).isEmpty());
    Task koeln = engine.getTaskService().createTaskQuery().taskName("police task koeln").singleResult();
    engine.getTaskService().addCandidateGroup(koeln.getId(), "schoolKoeln"); // the engine grants the group READ
    as("teacher1", () -> assertThat(names(engine.getTaskService().createTaskQuery().list()))
        .as("first authorization of the group").containsExactly("police task koeln"));

    engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("policeKoeln").list()
        .forEach(authorization -> engine.getAuthorizationService().deleteAuthorization(authorization.getId()));
    for (String user : List.of("police1", "multi", "teacher1", "youth1")) {
      SessionFactory ours = configuration().getSessionFactories().get(AuthorizationManager.class);
      configuration().getSessionFactories().put(AuthorizationManager.class,
          new GenericManagerFactory(AuthorizationManager.class));
      List<String> expected = new ArrayList<>();
      as(user, () -> expected.addAll(ids(engine.getTaskService().createTaskQuery().list())));
      configuration().getSessionFactories().put(AuthorizationManager.class, ours);
      as(user, () -> assertThat(ids(engine.getTaskService().createTaskQuery().list())).as(user)
          .containsExactlyInAnyOrderElementsOf(expected));
    }
  }

  private List<String> authorizedGroupIds() {
    List<String> ids = configuration().getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager()
        .<String>selectList("selectAuthorizedGroupIds").stream().map(id -> (String) id).toList());
    return ids.stream().filter(java.util.Objects::nonNull).toList();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @ParameterizedTest
  @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")
  void aRevokeFallsBackToTheEngineSqlAndIsHonoured(String database) {
    start(database);
    seed();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Task koeln = engine.getTaskService().createTaskQuery().taskName("police task koeln").singleResult();
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("police1");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(koeln.getId());
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    as("police1", () -> {
      assertSame("police1", "all", () -> engine.getTaskService().createTaskQuery());
      assertThat(names(engine.getTaskService().createTaskQuery().list())).containsOnly("shared task koeln");
    });
  }

  private void start(String database) {
    StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.configuration(
        StandaloneEngines.newDatabase(database, "exists-auth"), "exists-auth-" + database);
    configuration.setAuthorizationEnabled(true);
    // The agency filter is stored with ${currentUserGroups()}; here it is asked ad hoc.
    configuration.setEnableExpressionsInAdhocQueries(true);
    configuration.getProcessEnginePlugins().add(new ExistsAuthorizationPlugin());
    configuration.getProcessEnginePlugins().add(new InboxIndexes());
    engine = configuration.buildProcessEngine();
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory();
    withPlugin = sessions.getStatementMappings();
    assertThat(withPlugin).containsAllEntriesOf(ExistsAuthorizationPlugin.STATEMENTS);
    engineOwn = new HashMap<>(withPlugin);
    ExistsAuthorizationPlugin.STATEMENTS.keySet().forEach(engineOwn::remove);
  }

  /**
   * Two processes; tasks offered to district groups (the engine grants each candidate group READ on its task), a
   * standalone task, and users holding each kind of grant.
   */
  private void seed() {
    IdentityService identity = engine.getIdentityService();
    for (String group : List.of("policeKoeln", "policeBonn", "youthWelfareKoeln")) {
      identity.saveGroup(identity.newGroup(group));
    }
    for (String user : List.of("police1", "youth1", "nobody", "taskUser", "defUser", "starUser", "multi")) {
      identity.saveUser(identity.newUser(user));
    }
    identity.createMembership("police1", "policeKoeln");
    identity.createMembership("youth1", "youthWelfareKoeln");
    identity.createMembership("multi", "policeKoeln");
    identity.createMembership("multi", "policeBonn");
    identity.createMembership("multi", "youthWelfareKoeln");
    engine.getRepositoryService().createDeployment()
        .addModelInstance("case.bpmn", Bpmn.createExecutableProcess("case").startEvent()
            .parallelGateway("fork")
            .userTask("police").name("police task koeln").camundaCandidateGroups("policeKoeln").endEvent()
            .moveToNode("fork").userTask("youth").name("youth task koeln").camundaCandidateGroups("youthWelfareKoeln")
            .endEvent().done())
        .addModelInstance("other.bpmn", Bpmn.createExecutableProcess("other").startEvent()
            .userTask("bonn").name("police task bonn").camundaCandidateGroups("policeBonn").endEvent().done())
        .addModelInstance("shared.bpmn", Bpmn.createExecutableProcess("shared").startEvent()
            .userTask("sharedTask").name("shared task koeln").camundaCandidateGroups("policeKoeln,youthWelfareKoeln")
            .camundaCandidateUsers("youth1").endEvent().done())
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("shared", Map.of("rank", 2));
    engine.getRuntimeService().startProcessInstanceByKey("shared", Map.of("rank", 1));
    engine.getTaskService().claim(engine.getTaskService().createTaskQuery().processDefinitionKey("shared").list().get(0)
        .getId(), "police1");
    engine.getRuntimeService().startProcessInstanceByKey("case");
    // Due dates on some tasks, none on others: the inbox order puts them first, in the same way on both paths.
    List<Task> dated = engine.getTaskService().createTaskQuery().processDefinitionKey("shared").list();
    for (int i = 0; i < dated.size(); i++) {
      dated.get(i).setDueDate(new java.util.Date(1_800_000_000_000L - i * 86_400_000L));
      engine.getTaskService().saveTask(dated.get(i));
    }
    engine.getRuntimeService().startProcessInstanceByKey("other");
    engine.getRuntimeService().startProcessInstanceByKey("other");
    TaskService tasks = engine.getTaskService();
    Task standalone = tasks.newTask();
    standalone.setName("standalone");
    tasks.saveTask(standalone);
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(authorizations, "taskUser", Resources.TASK, standalone.getId(), Permissions.READ);
    // A task of a tenant: visible to a member of that tenant with a grant, to nobody else.
    identity.saveTenant(identity.newTenant("tenantA"));
    identity.createTenantUserMembership("tenantA", "multi");
    Task ofTenant = tasks.newTask();
    ofTenant.setName("tenant task");
    ofTenant.setTenantId("tenantA");
    tasks.saveTask(ofTenant);
    grant(authorizations, "multi", Resources.TASK, ofTenant.getId(), Permissions.READ);
    grant(authorizations, "police1", Resources.TASK, ofTenant.getId(), Permissions.READ);
    grant(authorizations, "defUser", Resources.PROCESS_DEFINITION, "other", Permissions.READ_TASK);
    grant(authorizations, "defUser", Resources.PROCESS_DEFINITION, "case", Permissions.READ_TASK);
    grant(authorizations, "starUser", Resources.TASK, "*", TaskPermissions.READ);
    // A grant that must not count: another permission on the task.
    Task bonn = tasks.createTaskQuery().taskName("police task bonn").list().get(0);
    grant(authorizations, "youth1", Resources.TASK, bonn.getId(), Permissions.DELETE);
  }

  private static void grant(AuthorizationService authorizations, String user, Resources resource, String id,
      org.camunda.bpm.engine.authorization.Permission permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setResource(resource);
    grant.setResourceId(id);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }

  @ParameterizedTest
  @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")
  void variablesOfListedTasksAreTheSameAsWithTheEngineSql(String database) {
    start(database);
    seed();
    engine.getRuntimeService().createProcessInstanceQuery().list().forEach(instance ->
        engine.getRuntimeService().setVariable(instance.getId(), "caseReference", "REF-" + instance.getId()));
    List<String> taskIds = ids(engine.getTaskService().createTaskQuery().list());
    List<String> instanceIds = engine.getRuntimeService().createProcessInstanceQuery().list().stream()
        .map(instance -> instance.getId()).toList();
    grant(engine.getAuthorizationService(), "taskUser", Resources.PROCESS_INSTANCE, instanceIds.get(0), Permissions.READ);
    for (String user : List.of("police1", "youth1", "nobody", "taskUser", "defUser", "starUser", "multi")) {
      as(user, () -> assertSameVariables(user, () -> engine.getRuntimeService().createVariableInstanceQuery()
          .variableScopeIdIn(instanceIds.toArray(String[]::new))));
      as(user, () -> assertSameVariables(user, () -> engine.getRuntimeService().createVariableInstanceQuery()
          .variableName("caseReference")));
      as(user, () -> assertSameVariables(user, () -> engine.getRuntimeService().createVariableInstanceQuery()
          .taskIdIn(taskIds.toArray(String[]::new))));
    }
    long ofGrantedInstance = engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(instanceIds.get(0)).count();
    as("taskUser", () -> assertThat(engine.getRuntimeService().createVariableInstanceQuery().count())
        .isEqualTo(ofGrantedInstance));
    as("nobody", () -> assertThat(engine.getRuntimeService().createVariableInstanceQuery().count()).isZero());
  }

  private void assertSameVariables(String user, Supplier<org.camunda.bpm.engine.runtime.VariableInstanceQuery> query) {
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    sessions.setStatementMappings(engineOwn);
    List<String> expected = query.get().list().stream().map(v -> v.getId()).toList();
    long expectedCount = query.get().count();
    sessions.setStatementMappings(withPlugin);
    assertThat(query.get().list().stream().map(v -> v.getId()).toList()).as(user + ": variables")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(query.get().count()).as(user + ": variable count").isEqualTo(expectedCount);
  }

  private void assertSame(String user, String what, Supplier<TaskQuery> query) {
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory();
    sessions.setStatementMappings(engineOwn);
    List<String> expectedList = ids(query.get().list());
    List<String> expectedPage = ids(query.get().listPage(1, 2));
    long expectedCount = query.get().count();
    sessions.setStatementMappings(withPlugin);
    assertThat(ids(query.get().list())).as(user + ": " + what).containsExactlyInAnyOrderElementsOf(expectedList);
    boolean ordered = ((org.camunda.bpm.engine.impl.TaskQueryImpl) query.get()).getOrderingProperties().stream()
        .anyMatch(property -> property.getQueryProperty().getName().equals("ID_"));
    if (ordered) {
      // A total order: the same rows in the same order, page by page.
      assertThat(ids(query.get().list())).as(user + ": " + what + " order").containsExactlyElementsOf(expectedList);
      assertThat(ids(query.get().listPage(1, 2))).as(user + ": " + what + " page").containsExactlyElementsOf(expectedPage);
    }
    assertThat(query.get().listPage(1, 2)).as(user + ": " + what + " page").hasSize(expectedPage.size());
    assertThat(query.get().count()).as(user + ": " + what + " count").isEqualTo(expectedCount);
  }

  private List<String> groupsOf(String user) {
    List<String> groups = new ArrayList<>();
    engine.getIdentityService().createGroupQuery().groupMember(user).list().forEach(g -> groups.add(g.getId()));
    return groups;
  }

  private void as(String user, Runnable check) {
    List<String> tenants = engine.getIdentityService().createTenantQuery().userMember(user).list().stream()
        .map(tenant -> tenant.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groupsOf(user), tenants);
    try {
      check.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private static List<String> names(List<Task> tasks) {
    return tasks.stream().map(Task::getName).toList();
  }
}
