package de.nrw.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.intervention.testsupport.SharedRouting;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class InterventionApplicationIT {

  private static final List<String> DEMO_USERS =
      List.of("demo", "officer", "supervisor", "youthworker", "teacher", "counsellor", "crisisofficer", "bonnofficer");

  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired ProcessEngine processEngine;
  @Autowired List<ApplicationRunner> startupRunners;
  @Autowired TestRestTemplate rest;

  @Test
  void startup_deploysModelsAndFormsFromTheFolders() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("fixture-case").count()).isEqualTo(1);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("fixture-rating").count()).isEqualTo(1);
    String deploymentId = repositoryService.createDeploymentQuery().deploymentName("intervention-models").singleResult().getId();
    assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
        .contains("start-fixture-case.form", "review-fixture-case.form");
  }

  @Test
  void secondStartupPass_addsNoVersionUserGroupAuthorizationOrFilter() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();

    ApplicationArguments none = new DefaultApplicationArguments();
    for (ApplicationRunner runner : startupRunners) {
      runner.run(none);
    }

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("fixture-case").latestVersion()
        .singleResult().getVersion()).isEqualTo(1);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void demoProfile_seedsUsersIntoTheirAgencyGroups() {
    assertThat(DEMO_USERS).allSatisfy(id -> assertThat(identityService.createUserQuery().userId(id).count()).isOne());
    assertThat(groupsOf("officer")).containsExactly("policeKoeln");
    assertThat(groupsOf("supervisor")).containsExactly("policeSupervisorKoeln");
    assertThat(groupsOf("youthworker")).containsExactly("youthWelfareKoeln");
    assertThat(groupsOf("teacher")).containsExactly("schoolKoeln");
    assertThat(groupsOf("counsellor")).containsExactly("counsellingKoeln");
    assertThat(groupsOf("crisisofficer")).containsExactly("crisisOfficerKoeln");
    assertThat(groupsOf("bonnofficer")).containsExactly("policeBonn");
    assertThat(groupsOf("demo")).contains("camunda-admin");
    // Six configured agencies (intervention.identity.agencies) in two districts.
    assertThat(identityService.createGroupQuery().groupType("agency").count()).isEqualTo(12);
    assertThat(identityService.checkPassword("officer", "demo")).isTrue();
  }

  @Test
  void webAppAccess_tasklistForAll_cockpitForSupervisorsAndAdmin_adminOnlyForDemo() {
    assertThat(DEMO_USERS).allSatisfy(user -> assertThat(canAccess(user, "tasklist")).as(user).isTrue());
    assertThat(DEMO_USERS.stream().filter(user -> canAccess(user, "cockpit"))).containsExactlyInAnyOrder("demo", "supervisor");
    assertThat(DEMO_USERS.stream().filter(user -> canAccess(user, "admin"))).containsExactly("demo");
  }

  @Test
  void taskQueries_runTheInboxStatementsWithSubSelectAuthorization() {
    Map<String, String> mappings = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory().getStatementMappings();

    assertThat(mappings).containsEntry("selectTaskByQueryCriteria",
        "de.nrw.intervention.inbox.TaskQueryWithExistsAuthorization.selectTaskByQueryCriteriaWithExistsAuthorization");
  }

  @Test
  void tasklistFilters_fourForEveryone_andTheDistrictOverdueFilterForSupervisorsOnly() {
    List<Filter> filters = filterService.createTaskFilterQuery().list();

    assertThat(filters).extracting(Filter::getName).containsExactlyInAnyOrder(
        "Meine Aufgaben", "Offene Aufgaben meiner Stelle", "Fällig in 2 Tagen", "Überfällig", "Überfällig in meinem Bezirk");
    for (Filter filter : filters) {
      boolean supervisorsOnly = filter.getName().equals("Überfällig in meinem Bezirk");
      assertThat(authorizationService.isUserAuthorized("teacher", List.of("schoolKoeln"), READ, FILTER, filter.getId()))
          .as(filter.getName()).isEqualTo(!supervisorsOnly);
      assertThat(authorizationService.isUserAuthorized("supervisor", List.of("policeSupervisorKoeln"), READ, FILTER,
          filter.getId())).as(filter.getName()).isTrue();
    }
  }

  @Test
  // counsellor only: a wrong password locks the user for a few seconds (the engine's login throttling).
  void engineRest_anonymousOrWrongPassword_isRejected() {
    assertThat(rest.getForEntity("/engine-rest/user", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("counsellor", "wrong").getForEntity("/engine-rest/user", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void caseStartedByOfficer_appearsInKoelnPoliceFilter_notInBonn() {
    SharedRouting.deploy(processEngine);
    ResponseEntity<JsonNode> started = rest.withBasicAuth("officer", "demo").postForEntity(
        "/engine-rest/process-definition/key/fixture-case/start",
        Map.of("businessKey", "KOE-2026-000001", "variables", Map.of(
            "caseReference", Map.of("value", "KOE-2026-000001", "type", "String"),
            "district", Map.of("value", "koeln", "type", "String"),
            "urgent", Map.of("value", true, "type", "Boolean"))),
        JsonNode.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    // the task cards show the district as people write it, from the routing table
    assertThat(processEngine.getRuntimeService().getVariable(started.getBody().get("id").asText(), "districtName"))
        .isEqualTo("Köln");

    assertThat(agencyFilterTasks("officer")).extracting(task -> task.get("name").asText()).containsExactly("Review case");
    assertThat(agencyFilterTasks("bonnofficer")).isEmpty();
    assertThat(agencyFilterTasks("teacher")).isEmpty();
  }

  private List<JsonNode> agencyFilterTasks(String user) {
    String filterId = filterService.createTaskFilterQuery().filterName("Offene Aufgaben meiner Stelle").singleResult().getId();
    ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", Map.of(), JsonNode.class);
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    return response.getBody().findParents("name").stream().filter(node -> node.has("taskDefinitionKey")).toList();
  }

  private boolean canAccess(String user, String app) {
    return authorizationService.isUserAuthorized(user, groupsOf(user), ACCESS, APPLICATION, app);
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }
}
