package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.intervention.casefile.InvalidCaseDataException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(OutputCaptureExtension.class)
class SecurityHardeningIT extends SecurityIntegrationTest {

  private static final String START_DV =
      "/engine-rest/process-definition/key/" + Cases.DOMESTIC_VIOLENCE + "/start";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;

  private Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  // --- Authentication

  @Test
  void engineRest_anonymous_isUnauthorized() {
    assertThat(api.get(null, "/engine-rest/user?firstResult=0&maxResults=10").status()).isEqualTo(401);
    assertThat(api.post(null, "/engine-rest/task", Map.of()).status()).isEqualTo(401);
  }

  @Test
  // A user of its own: a wrong password locks the user for a few seconds (the engine's login throttling).
  void engineRest_wrongPassword_isUnauthorized_andThrottlesEvenTheRightOneForAWhile() {
    String password = "a long enough passphrase";
    if (identityService.createUserQuery().userId("throttleprobe").count() == 0) {
      User user = identityService.newUser("throttleprobe");
      user.setPassword(password);
      identityService.saveUser(user);
    }
    String path = "/engine-rest/task/count";

    assertThat(api.getAs("throttleprobe", "wrong", path).status()).isEqualTo(401);
    assertThat(api.getAs("throttleprobe", password, path).status()).as("locked right after a failure").isEqualTo(401);
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
        .until(() -> api.getAs("throttleprobe", password, path).status() == 200);
  }

  @Test
  void apiResponses_areNeverCached() {
    Api.Response tasks = api.get("officer", "/engine-rest/task?firstResult=0&maxResults=10");

    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void passwordPolicy_isLengthOnly_twelveCharacters() {
    var policy = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getPasswordPolicy();

    assertThat(policy).isInstanceOf(LengthOnlyPasswordPolicy.class);
    assertThat(identityService.checkPasswordAgainstPolicy(policy, "elevenchars").isValid()).isFalse();
    assertThat(identityService.checkPasswordAgainstPolicy(policy, "onlylowercaseletters").isValid()).isTrue();
  }

  // --- Queries never run code

  @Test
  void taskQuery_withExpressionInOrQueries_isRejected() {
    Map<String, Object> query = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${'officer'}")));

    assertRejected(api.post("officer", "/engine-rest/task?firstResult=0&maxResults=10", query),
        "orQueries[0].taskAssignee");
    assertRejected(api.post("officer", "/engine-rest/task/count", query), "orQueries[0].taskAssignee");
    assertRejected(api.post("demo", "/engine-rest/task/count", query), "orQueries[0].taskAssignee");
    // The same resources behind the web apps' path: the engine refuses it there too.
    assertRejected(new Api(port).webLogin("officer").sessionPost("/camunda/api/engine/engine/default/task/count",
        query), "orQueries[0].taskAssignee");
  }

  @Test
  void taskQuery_withExpression_isRejected_howeverThePathIsSpelled() {
    Map<String, Object> query = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${'officer'}")));

    for (String path : List.of("/engine-rest/engine/default/task/count", "/engine-rest/task;x=y/count",
        "/engine-rest/task/%63ount", "/engine-rest//task/count", "/engine-rest/task/count/")) {
      // 400: refused by the engine; 404/405: no such resource, so nothing ran.
      assertThat(api.post("officer", path, query).status()).as(path).isIn(400, 404, 405);
    }
  }

  @Test
  void taskQuery_withEscapedOrTopLevelExpression_isRejected() {
    assertRejected(api.post("officer", "/engine-rest/task/count",
        "{\"orQueries\":[{\"candidateGroupExpression\":\"\\u0024{'policeBonn'}\"}]}"),
        "orQueries[0].taskCandidateGroup");
    assertRejected(api.post("officer", "/engine-rest/task/count", Map.of("assigneeExpression", "#{'x'}")),
        "taskAssignee");
    assertRejected(api.get("officer", "/engine-rest/task?firstResult=0&maxResults=10&assigneeExpression="
        + URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8)), "taskAssignee");
  }

  @Test
  void filterExecution_withExpressionInExtendingQuery_isRejected_storedExpressionsStillWork() {
    String myTasks = filterService.createTaskFilterQuery().filterName("Meine Aufgaben").singleResult().getId();
    Map<String, Object> extension = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${'demo'}")));

    assertRejected(api.post("officer", "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=15",
        extension), "orQueries[0].taskAssignee");
    assertRejected(api.post("officer", "/engine-rest/filter/" + myTasks + "/count", extension),
        "orQueries[0].taskAssignee");
    assertThat(api.post("officer", "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=15",
        Map.of()).status()).as("the stored ${currentUser()} still works").isEqualTo(200);
  }

  @Test
  void filterChange_withExpressionInOrQueries_isRejected_evenForTheAdministrator() {
    String myTasks = filterService.createTaskFilterQuery().filterName("Meine Aufgaben").singleResult().getId();
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("resourceType", "Task");
    filter.put("name", "Sneaky");
    filter.put("query", Map.of("orQueries", List.of(Map.of("candidateUserExpression", "${currentUser()}"))));

    assertRejected(api.post("demo", "/engine-rest/filter/create", filter), "query.orQueries[0].taskCandidateUser");
    assertRejected(api.put("demo", "/engine-rest/filter/" + myTasks, filter), "query.orQueries[0].taskCandidateUser");
  }

  @Test
  void filters_onlyTheAdministratorCreatesOrChangesThem() {
    String myTasks = filterService.createTaskFilterQuery().filterName("Meine Aufgaben").singleResult().getId();
    Map<String, Object> filter = Map.of("resourceType", "Task", "name", "Mine", "query", Map.of());

    assertThat(api.post("officer", "/engine-rest/filter/create", filter).status()).isEqualTo(403);
    assertThat(api.put("supervisor", "/engine-rest/filter/" + myTasks, filter).status()).isEqualTo(403);
  }

  // --- Actuator

  @Test
  void actuator_onlyHealthIsPublic_withoutDetails() {
    Api.Response health = api.get(null, "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().fieldNames()).toIterable().containsOnly("status", "groups");
    assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);

    for (String endpoint : List.of("/actuator", "/actuator/info", "/actuator/metrics")) {
      assertThat(api.get(null, endpoint).status()).as(endpoint + " anonymous").isEqualTo(401);
      assertThat(api.get("supervisor", endpoint).status()).as(endpoint + " supervisor").isEqualTo(403);
      assertThat(api.get("demo", endpoint).status()).as(endpoint + " administrator").isEqualTo(200);
    }
  }

  // --- Web apps: login, no-store, paging under queryMaxResultsLimit, logout

  @Test
  void webapps_loginWorkPagedQueriesLogout() {
    assertThat(api.get(null, "/camunda/app/tasklist/default/").status()).isEqualTo(200);
    String csrf = api.cookie("XSRF-TOKEN");
    assertThat(csrf).as("CSRF cookie").isNotNull();

    Api.Response login = api.postRaw(null, null, "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=demo&password=demo", Map.of("X-XSRF-TOKEN", csrf));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    String session = "/camunda/api/engine/engine/default/";

    Api.Response count = api.get(null, session + "task/count");
    assertThat(count.status()).isEqualTo(200);
    assertThat(count.header("Cache-Control")).isEqualTo("no-store");
    // The login starts a new session, which gets a new CSRF token.
    csrf = count.header("X-XSRF-TOKEN") != null ? count.header("X-XSRF-TOKEN") : api.cookie("XSRF-TOKEN");
    // What Tasklist and Cockpit ask on their start pages: paged lists and statistics work under the limit.
    String myAgency = filterService.createTaskFilterQuery().filterName("Offene Aufgaben meiner Stelle").singleResult().getId();
    assertThat(api.postRaw(null, null, session + "filter/" + myAgency + "/list?firstResult=0&maxResults=15",
        "application/json", "{}", Map.of("X-XSRF-TOKEN", csrf)).status()).isEqualTo(200);
    assertThat(api.get(null, session + "process-definition?latest=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true&firstResult=0&maxResults=15").status()).isEqualTo(200);
    assertThat(api.get(null, session + "process-definition/statistics?rootIncidents=true").status()).isEqualTo(200);
    assertThat(api.get(null, session + "process-definition?latestVersion=true&sortBy=name&sortOrder=asc"
        + "&firstResult=0&maxResults=50").status()).isEqualTo(200);
    assertThat(api.get(null, session + "task?firstResult=0").status())
        .as("an unbounded list is refused").isEqualTo(400);

    Api.Response logout = api.postRaw(null, null, "/camunda/api/admin/auth/user/default/logout",
        "application/json", "{}", Map.of("X-XSRF-TOKEN", csrf));
    assertThat(logout.status()).as(logout.body()).isEqualTo(200);
    assertThat(api.get(null, session + "task/count").status()).isEqualTo(401);
  }

  // --- Audit

  @Test
  void readingCaseVariables_writesOneAuditLineWithUserAndCaseReference_noPersonalData(CapturedOutput output) {
    String pid = Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("KOE-AUDIT-1", "koeln"));
    JsonNode tasks = api.get("officer", "/engine-rest/task?processInstanceId=" + pid + Api.PAGE).json();

    assertThat(api.get("officer", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/variables").status())
        .isEqualTo(200);
    assertThat(api.get("officer", "/engine-rest/process-instance/" + pid + "/variables").status()).isEqualTo(200);

    List<String> lines = output.getOut().lines().filter(line -> line.contains("case-variables-read user=officer"))
        .filter(line -> line.contains("KOE-AUDIT-1")).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines).allSatisfy(line -> assertThat(line).contains("at=20").doesNotContain("A. Example"));
  }

  @Test
  void userOperationLog_recordsWhoDidWhatThroughRest() {
    String pid = Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("KOE-AUDIT-2", "koeln"));
    String taskId = api.get("counsellor", "/engine-rest/task?processInstanceId=" + pid + Api.PAGE).json()
        .get(0).get("id").asText();

    assertThat(api.post("counsellor", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "counsellor"))
        .status()).isEqualTo(204);

    assertThat(historyService.createUserOperationLogQuery().userId("counsellor").taskId(taskId)
        .operationType("Claim").count()).isOne();
  }

  @Test
  void endedProcess_losesItsRuntimeGrants_keepsItsHistoryGrants() {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
          <process id="grant-cleanup-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <extensionElements>
              <camunda:executionListener event="start" delegateExpression="${caseReferenceListener}"/>
            </extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            <userTask id="work" camunda:candidateGroups="policeKoeln"/>
            <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;
    assertThat(api.deploy("demo", "grant-cleanup-probe.bpmn", bpmn).status()).isEqualTo(200);
    String pid = api.post("demo", "/engine-rest/process-definition/key/grant-cleanup-probe/start",
        Map.of("variables", Map.of("caseReference", Cases.string("KOE-GRANT-PROBE"), "district", Cases.string("koeln"))))
        .json().get("id").asText();
    String taskId = api.get("officer", "/engine-rest/task?processInstanceId=" + pid + Api.PAGE).json()
        .get(0).get("id").asText();
    assertThat(api.get("officer", "/engine-rest/process-instance/" + pid).status()).isEqualTo(200);

    assertThat(api.post("officer", "/engine-rest/task/" + taskId + "/complete", Map.of()).status()).isEqualTo(204);

    assertThat(authorizationService.createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE).resourceId(pid).count()).isZero();
    assertThat(api.get("officer", "/engine-rest/history/process-instance/" + pid).status()).isEqualTo(200);
  }

  // --- Bad input: 4xx naming the field, never 500, never a half-created case

  @Test
  void badStartInput_isRefusedNamingTheField_andLeavesNothingBehind() {
    Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("KOE-BAD-DUPLICATE", "koeln"));
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();

    assertField(start(without(Cases.domesticViolence("KOE-BAD-1", "koeln"), "caseReference")), 400, "caseReference");
    assertField(start(without(Cases.domesticViolence("KOE-BAD-2", "koeln"), "district")), 400, "district");
    assertField(start(Cases.domesticViolence("KOE-BAD-3", "muenster")), 400, "district");
    assertField(start(with(Cases.domesticViolence("KOE-BAD-4", "koeln"), "childCount", Cases.typed("many", "Long"))),
        400, "childCount");
    assertField(start(with(Cases.domesticViolence("KOE-BAD-5", "koeln"), "childCount", Cases.string("3"))),
        400, "childCount");
    assertField(start(with(Cases.domesticViolence("KOE-BAD-6", "koeln"), "district", Cases.typed(5, "Integer"))),
        400, "district");
    assertField(start(without(Cases.domesticViolence("KOE-BAD-7", "koeln"), "expulsionOrderDateTime")),
        400, "expulsionOrderDateTime");
    assertField(start(with(Cases.domesticViolence("KOE-BAD-9", "koeln"), "expulsionOrderDateTime",
        Cases.string("yesterday"))), 400, "expulsionOrderDateTime");
    assertField(start(with(Cases.youngOffender("KOE-BAD-10", "koeln"), "age", Cases.typed(31, "Long")), Cases.YOUNG_OFFENDER),
        400, "age");
    assertField(start(Cases.domesticViolence("KOE-BAD-DUPLICATE", "koeln")), 400, "caseReference");

    Api.Response malformed = api.post("officer", START_DV, "{\"variables\": {\"caseReference\": ");
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
    assertThat(malformed.json().get("message").asText()).startsWith("Ungültiges JSON in Zeile");

    Map<String, Object> huge = Cases.domesticViolence("KOE-BAD-8", "koeln");
    huge.put("householdAddress", Cases.string("x".repeat(300 * 1024)));
    assertThat(start(huge).status()).isEqualTo(413);

    assertThat(historyService.createHistoricProcessInstanceQuery().count()).as("no case created").isEqualTo(instances);
    assertThat(authorizationService.createAuthorizationQuery().count()).as("no grant left").isEqualTo(authorizations);
  }

  @Test
  void badStartInput_throughTasklist_isRefusedNamingTheField_andLeavesNothingBehind() {
    Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("KOE-BAD-WEB-DUPLICATE", "koeln"));
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    api.webLogin("officer");
    String submit = "/camunda/api/engine/engine/default/process-definition/key/" + Cases.DOMESTIC_VIOLENCE
        + "/submit-form";

    assertField(api.sessionPost(submit, Cases.startBody(
        without(Cases.domesticViolence("KOE-BAD-WEB-1", "koeln"), "caseReference"))), 400, "caseReference");
    assertField(api.sessionPost(submit, Cases.startBody(Cases.domesticViolence("KOE-BAD-WEB-2", "muenster"))),
        400, "district");
    assertField(api.sessionPost(submit, Cases.startBody(
        without(Cases.domesticViolence("KOE-BAD-WEB-3", "koeln"), "expulsionOrderDateTime"))),
        400, "expulsionOrderDateTime");
    assertField(api.sessionPost(submit, Cases.startBody(
        Cases.domesticViolence("KOE-BAD-WEB-DUPLICATE", "koeln"))), 400, "caseReference");

    assertThat(historyService.createHistoricProcessInstanceQuery().count()).as("no case created").isEqualTo(instances);
    assertThat(authorizationService.createAuthorizationQuery().count()).as("no grant left").isEqualTo(authorizations);
  }

  @Test
  void taskCompletion_withoutAVariableTheModelNeeds_isRefusedNamingIt_atBothMounts() {
    String youngOffender = Cases.start(api, "officer", Cases.YOUNG_OFFENDER,
        Cases.youngOffender("KOE-BAD-TASK-1", "koeln"));
    // The reports the conference asks for are due some days before the conference date.
    String convene = openTask(youngOffender, "Task_ConveneCaseConference");
    api.webLogin("officer");

    assertField(api.post("officer", "/engine-rest/task/" + convene + "/complete", Map.of("variables", Map.of())),
        400, "conferenceDate");
    assertField(api.sessionPost("/camunda/api/engine/engine/default/task/" + convene + "/submit-form",
        Map.of("variables", Map.of())), 400, "conferenceDate");
    assertThat(openTask(youngOffender, "Task_ConveneCaseConference")).as("the task stays open").isEqualTo(convene);
  }

  @Test
  void textsTheDatabaseCannotStore_areRefusedByTheEngine_atEveryDoorThatWritesAVariable() {
    String caseId = Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE,
        Cases.domesticViolence("KOE-BAD-TEXT-1", "koeln"));
    String task = api.get("officer", "/engine-rest/task?processInstanceId=" + caseId + Api.PAGE).json()
        .get(0).get("id").asText();
    Map<String, Object> tooLong = Cases.string("x".repeat(4001));
    Map<String, Object> withNul = Cases.string("Notiz\u0000");
    api.webLogin("officer");

    // Only administrators change a case's variables directly; caseworkers change them through their tasks.
    assertField(api.put("demo", "/engine-rest/process-instance/" + caseId + "/variables/note", tooLong),
        400, "note");
    assertField(api.post("demo", "/engine-rest/process-instance/" + caseId + "/variables",
        Map.of("modifications", Map.of("note", withNul))), 400, "note");
    assertField(api.put("officer", "/engine-rest/task/" + task + "/variables/note", withNul), 400, "note");
    assertField(api.sessionPost("/camunda/api/engine/engine/default/task/" + task + "/variables",
        Map.of("modifications", Map.of("note", tooLong))), 400, "note");
    assertThatThrownBy(() -> processEngine.getRuntimeService().setVariable(caseId, "note", "\ud800"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("'note'");

    assertThat(processEngine.getRuntimeService().getVariable(caseId, "note")).as("nothing written").isNull();
    assertThat(api.put("demo", "/engine-rest/process-instance/" + caseId + "/variables/note",
        Cases.string("x".repeat(4000))).status()).as("4,000 characters fit").isEqualTo(204);
  }

  @Test
  void otherEngineErrors_keepCamundasOwnAnswer_atBothMounts() {
    api.webLogin("officer");
    Map<String, Object> nothing = Map.of("variables", Map.of());

    for (Api.Response response : List.of(api.post("officer", "/engine-rest/task/no-such-task/complete", nothing),
        api.sessionPost("/camunda/api/engine/engine/default/task/no-such-task/submit-form", nothing))) {
      assertThat(response.status()).as(response.body()).isEqualTo(500);
      assertThat(response.json().path("type").asText()).as(response.body()).isEqualTo("RestException");
      assertThat(response.json().has("field")).as(response.body()).isFalse();
    }
  }

  private String openTask(String processInstanceId, String taskKey) {
    JsonNode tasks = api.get("officer", "/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + taskKey + Api.PAGE).json();
    assertThat(tasks.size()).as(tasks.toString()).isEqualTo(1);
    return tasks.get(0).get("id").asText();
  }

  private Api.Response start(Map<String, Object> variables) {
    return start(variables, Cases.DOMESTIC_VIOLENCE);
  }

  private Api.Response start(Map<String, Object> variables, String process) {
    return api.post("officer", "/engine-rest/process-definition/key/" + process + "/start", Cases.startBody(variables));
  }

  /** What the forms call the fields these tests get wrong; a message names the field so, or by its variable name. */
  private static final Map<String, String> LABELS = Map.of(
      "caseReference", "Aktenzeichen", "district", "Bezirk", "childCount", "Anzahl der Kinder im Haushalt",
      "expulsionOrderDateTime", "Wohnungsverweisung angeordnet am", "age", "Alter (Jahre)");

  private static void assertField(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
    String message = response.json().path("message").asText();
    assertThat(message).as(response.body()).satisfiesAnyOf(
        named -> assertThat(named).startsWith(LABELS.getOrDefault(field, "'" + field + "'")),
        named -> assertThat(named).contains("'" + field + "'"))
        .doesNotContain("Exception:").doesNotContain("\tat ").doesNotContain("Invalid");
  }

  /** Refused by the engine's command rules, naming where in the query the expression sits. */
  private static void assertRejected(Api.Response response, String where) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains("'" + where + "'");
  }

  private static Map<String, Object> without(Map<String, Object> variables, String name) {
    variables.remove(name);
    return variables;
  }

  private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    variables.put(name, value);
    return variables;
  }
}
