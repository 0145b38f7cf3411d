package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every demo user against three cases: a domestic-violence and a young-offender case in Köln, and a
 * domestic-violence case in Bonn, each advanced until its school task exists (the domestic-violence cases are
 * high risk: each is referred to its district's case conference, {@code conference-case}; Köln's coordinator has
 * called a conference, "FK Köln", so the Köln case's agencies have their preparation tasks), and a threat report a
 * Köln school made, assessed by the police (the school's outcome task and the crisis officer's acknowledgement are
 * open). Each cell is what the REST API answered; the whole table must equal the expected one, which
 * docs/SECURITY.md shows.
 *
 * <p>A case is every process instance with its reference as business key: the Köln domestic-violence case has two
 * while the school observes the child (the school works in the called process {@code school-observation}). "tasks"
 * and "work task" therefore ask by business key; "Cockpit tasks" asks as Cockpit's user-task tab of the
 * domestic-violence instance does, which lists the school's task under the called instance instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityAccessMatrixIT extends SecurityIntegrationTest {

  private static final List<String> USERS =
      List.of("demo", "officer", "supervisor", "youthworker", "teacher", "counsellor", "crisisofficer", "bonnofficer");

  /** Variables no school contact may ever read: the victim's name, the offence. */
  private static final Map<String, String> SENSITIVE = Map.of(
      Cases.DOMESTIC_VIOLENCE, "victimName",
      Cases.YOUNG_OFFENDER, "offenceCategory",
      Cases.SCHOOL_THREAT, "threatAssessmentNotes",
      Cases.CASE_CONFERENCE, "agenda");

  private static final String EXPECTED = """
      | user          | case        | tasks | task variables | instance | variables | history | history variables | Cockpit list | history list | change case | work task | Cockpit tasks |
      | demo          | DV Köln     | 6     | all            | yes      | yes       | yes     | yes               | 3            | 3            | yes         | yes       | 2             |
      | demo          | FK Köln     | 1     | all            | yes      | yes       | yes     | yes               | 1            | 1            | yes         | yes       | 1             |
      | demo          | YO Köln     | 2     | all            | yes      | yes       | yes     | yes               | 1            | 1            | yes         | yes       | 2             |
      | demo          | DV Bonn     | 3     | all            | yes      | yes       | yes     | yes               | 2            | 2            | yes         | yes       | 3             |
      | demo          | Threat Köln | 2     | all            | yes      | yes       | yes     | yes               | 1            | 1            | yes         | yes       | 2             |
      | officer       | DV Köln     | 2     | all            | yes      | yes       | yes     | yes               | 3            | 3            | no          | yes       | 1             |
      | officer       | FK Köln     | 1     | all            | yes      | yes       | yes     | yes               | 1            | 1            | no          | yes       | 1             |
      | officer       | YO Köln     | 0     | -              | yes      | yes       | yes     | yes               | 1            | 1            | no          | -         | 0             |
      | officer       | DV Bonn     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | officer       | Threat Köln | 0     | -              | yes      | yes       | yes     | yes               | 1            | 1            | no          | -         | 0             |
      | supervisor    | DV Köln     | 6     | all            | yes      | yes       | yes     | yes               | 3            | 3            | no          | no        | 2             |
      | supervisor    | FK Köln     | 1     | all            | yes      | yes       | yes     | yes               | 1            | 1            | no          | no        | 1             |
      | supervisor    | YO Köln     | 2     | all            | yes      | yes       | yes     | yes               | 1            | 1            | no          | no        | 2             |
      | supervisor    | DV Bonn     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | supervisor    | Threat Köln | 2     | all            | yes      | yes       | yes     | yes               | 1            | 1            | no          | no        | 2             |
      | youthworker   | DV Köln     | 1     | task form only | yes      | yes       | yes     | yes               | 2            | 2            | no          | yes       | 0             |
      | youthworker   | FK Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | youthworker   | YO Köln     | 1     | all            | yes      | yes       | yes     | yes               | 1            | 1            | no          | yes       | 1             |
      | youthworker   | DV Bonn     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | youthworker   | Threat Köln | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | teacher       | DV Köln     | 1     | task form only | no       | no        | no      | no                | 0            | 0            | no          | yes       | 0             |
      | teacher       | FK Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | teacher       | YO Köln     | 1     | task form only | no       | no        | no      | no                | 0            | 0            | no          | yes       | 1             |
      | teacher       | DV Bonn     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | teacher       | Threat Köln | 1     | task form only | no       | no        | no      | no                | 0            | 0            | no          | yes       | 1             |
      | counsellor    | DV Köln     | 2     | all            | yes      | yes       | yes     | yes               | 2            | 2            | no          | yes       | 1             |
      | counsellor    | FK Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | counsellor    | YO Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | counsellor    | DV Bonn     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | counsellor    | Threat Köln | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | crisisofficer | DV Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | crisisofficer | FK Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | crisisofficer | YO Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | crisisofficer | DV Bonn     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | crisisofficer | Threat Köln | 1     | all            | yes      | yes       | yes     | yes               | 1            | 1            | no          | yes       | 1             |
      | bonnofficer   | DV Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | bonnofficer   | FK Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | bonnofficer   | YO Köln     | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      | bonnofficer   | DV Bonn     | 1     | all            | yes      | yes       | yes     | yes               | 2            | 2            | no          | yes       | 1             |
      | bonnofficer   | Threat Köln | 0     | -              | no       | no        | no      | no                | 0            | 0            | no          | -         | 0             |
      """;

  /** "report threat": start a school's threat report for Köln; only the district's schools may, not even demo. */
  private static final String EXPECTED_GLOBAL = """
      | user          | start case | report threat | deploy |
      | demo          | yes        | no            | yes    |
      | officer       | yes        | no            | no     |
      | supervisor    | no         | no            | no     |
      | youthworker   | no         | no            | no     |
      | teacher       | no         | yes           | no     |
      | counsellor    | no         | no            | no     |
      | crisisofficer | no         | no            | no     |
      | bonnofficer   | yes        | no            | no     |
      """;

  /** The supervisors' deadline board in Cockpit (package board): HTTP status per district asked for. */
  private static final String EXPECTED_BOARD = """
      | user        | board Köln | board Bonn | board own | CSV Köln | CSV Bonn | unknown district |
      | demo        | 200        | 200        | 200       | 200      | 200      | 400              |
      | officer     | 403        | 403        | 403       | 403      | 403      | 403              |
      | supervisor  | 200        | 403        | 200       | 200      | 403      | 400              |
      | youthworker | 403        | 403        | 403       | 403      | 403      | 403              |
      | teacher     | 403        | 403        | 403       | 403      | 403      | 403              |
      | counsellor  | 403        | 403        | 403       | 403      | 403      | 403              |
      | crisisofficer | 403      | 403        | 403       | 403      | 403      | 403              |
      | bonnofficer | 403        | 403        | 403       | 403      | 403      | 403              |
      """;
  private static final String BOARD = "/camunda/api/cockpit/plugin/intervention-deadline-board/default/board";

  @LocalServerPort int port;

  private Api api;
  private final Map<String, TestCase> cases = new LinkedHashMap<>();

  record TestCase(String label, String process, String reference, String processInstanceId) {
  }

  @BeforeAll
  void openCases() {
    api = new Api(port);
    String dvKoeln = Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE,
        Cases.domesticViolence("KOE-MATRIX-DV-1", "koeln"));
    Cases.requestSchoolObservation(api, dvKoeln);
    String yoKoeln = Cases.start(api, "officer", Cases.YOUNG_OFFENDER,
        Cases.youngOffender("KOE-MATRIX-YO-1", "koeln"));
    Cases.conveneConference(api, yoKoeln);
    String dvBonn = Cases.start(api, "bonnofficer", Cases.DOMESTIC_VIOLENCE,
        Cases.domesticViolence("BN-MATRIX-DV-1", "bonn"));
    // High risk: the case waits for Köln's next case conference, which the coordinator calls now.
    String conference = Cases.start(api, "officer", Cases.CASE_CONFERENCE, Cases.caseConference("FK-KOELN-MATRIX-1"));
    cases.put("DV Köln", new TestCase("DV Köln", Cases.DOMESTIC_VIOLENCE, "KOE-MATRIX-DV-1", dvKoeln));
    cases.put("FK Köln", new TestCase("FK Köln", Cases.CASE_CONFERENCE, "FK-KOELN-MATRIX-1", conference));
    cases.put("YO Köln", new TestCase("YO Köln", Cases.YOUNG_OFFENDER, "KOE-MATRIX-YO-1", yoKoeln));
    cases.put("DV Bonn", new TestCase("DV Bonn", Cases.DOMESTIC_VIOLENCE, "BN-MATRIX-DV-1", dvBonn));
    String threatKoeln = Cases.start(api, "teacher", Cases.SCHOOL_THREAT, Cases.schoolThreat("165432-MATRIX-1", "koeln"));
    Cases.assessThreat(api, threatKoeln);
    cases.put("Threat Köln", new TestCase("Threat Köln", Cases.SCHOOL_THREAT, "165432-MATRIX-1", threatKoeln));
  }

  @Test
  void everyDemoUser_seesExactlyWhatTheirAgencyAndDistrictNeed() {
    List<List<String>> rows = new ArrayList<>();
    for (String user : USERS) {
      // Cockpit's user-task tab asks the engine through the web apps' door, with a session login.
      Api cockpit = new Api(port).webLogin(user);
      for (TestCase testCase : cases.values()) {
        List<String> row = new ArrayList<>(row(user, testCase));
        row.add(workTask(user, testCase));
        row.add(String.valueOf(cockpit.get(null, "/camunda/api/engine/engine/default/task?processInstanceId="
            + testCase.processInstanceId() + Api.PAGE).json().size()));
        rows.add(row);
      }
    }
    String actual = table(List.of("user", "case", "tasks", "task variables", "instance", "variables", "history",
        "history variables", "Cockpit list", "history list", "change case", "work task", "Cockpit tasks"), rows);
    System.out.println("Access matrix (per case):\n" + actual);
    assertThat(normalise(actual)).isEqualTo(normalise(EXPECTED));
  }

  @Test
  void cockpitHumanTasksReport_countsOnlyTheTasksEachUserMayRead_atBothDoors() {
    // Cockpit's "Human Tasks" page: open tasks per candidate group.
    String report = "task/report/candidate-group-count";
    Map<String, Integer> supervisor = groupCounts(api.get("supervisor", "/engine-rest/" + report));
    Map<String, Integer> administrator = groupCounts(api.get("demo", "/engine-rest/" + report));

    assertThat(supervisor).isNotEmpty();
    assertThat(supervisor.keySet()).as("Köln's groups only").allMatch(group -> group == null || group.endsWith("Koeln"));
    assertThat(administrator.keySet()).anyMatch(group -> group != null && group.endsWith("Bonn"));
    assertThat(groupCounts(api.get("bonnofficer", "/engine-rest/" + report)).keySet())
        .allMatch(group -> group == null || group.endsWith("Bonn"));
    Api cockpit = new Api(port).webLogin("supervisor");
    assertThat(groupCounts(cockpit.get(null, "/camunda/api/engine/engine/default/" + report)))
        .as("the same through Cockpit's door").isEqualTo(supervisor);
    // The supervisor's figures are the administrator's for Köln's groups, not fewer.
    supervisor.forEach((group, count) -> {
      if (group != null) {
        assertThat(count).as(group).isEqualTo(administrator.get(group));
      }
    });
  }

  @Test
  void cockpitDashboardAndProcessList_countOnlyTheInstancesTheUserMayRead() {
    // What Cockpit's dashboard ("Running process instances") and process list ask: Cockpit's own statistics query.
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
        + "?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc";
    Map<String, Integer> supervisor = instanceCounts(new Api(port).webLogin("supervisor").get(null, statistics));
    Map<String, Integer> administrator = instanceCounts(new Api(port).webLogin("demo").get(null, statistics));

    for (String process : List.of(Cases.DOMESTIC_VIOLENCE, Cases.YOUNG_OFFENDER)) {
      long koeln = api.get("supervisor", "/engine-rest/process-instance/count?processDefinitionKey=" + process).json()
          .get("count").asLong();
      long all = api.get("demo", "/engine-rest/process-instance/count?processDefinitionKey=" + process).json()
          .get("count").asLong();
      assertThat(supervisor.get(process)).as(process + ": the supervisor's district").isEqualTo((int) koeln);
      assertThat(administrator.get(process)).as(process + ": every district").isEqualTo((int) all);
    }
    assertThat(supervisor.get(Cases.DOMESTIC_VIOLENCE)).as("Bonn's case is not counted")
        .isLessThan(administrator.get(Cases.DOMESTIC_VIOLENCE));

    // The engine's own statistics (GET /process-definition/statistics) at both doors.
    for (String door : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
      Api client = door.startsWith("/engine-rest") ? api : new Api(port).webLogin("supervisor");
      Map<String, Integer> engine = engineInstanceCounts(client.get(door.startsWith("/engine-rest") ? "supervisor" : null,
          door + "/process-definition/statistics?incidents=true"));
      assertThat(engine).as(door).containsEntry(Cases.DOMESTIC_VIOLENCE, supervisor.get(Cases.DOMESTIC_VIOLENCE))
          .containsEntry(Cases.YOUNG_OFFENDER, supervisor.get(Cases.YOUNG_OFFENDER));
    }
    assertThat(engineInstanceCounts(api.get("demo", "/engine-rest/process-definition/statistics")))
        .containsEntry(Cases.DOMESTIC_VIOLENCE, administrator.get(Cases.DOMESTIC_VIOLENCE));
  }

  /** Instances per process key, summed over versions. */
  private static Map<String, Integer> engineInstanceCounts(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Map<String, Integer> counts = new LinkedHashMap<>();
    response.json().forEach(row -> counts.merge(row.path("definition").path("key").asText(),
        row.path("instances").asInt(), Integer::sum));
    return counts;
  }

  private static Map<String, Integer> instanceCounts(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Map<String, Integer> counts = new LinkedHashMap<>();
    response.json().forEach(row -> counts.put(row.path("key").asText(), row.path("instances").asInt()));
    return counts;
  }

  private static Map<String, Integer> groupCounts(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Map<String, Integer> counts = new LinkedHashMap<>();
    response.json().forEach(row -> counts.put(row.path("groupName").isNull() ? null : row.path("groupName").asText(),
        row.path("taskCount").asInt()));
    return counts;
  }

  @Test
  void deadlineBoard_supervisorsTheirDistrictOnly_administratorsAny_caseworkersNone() {
    List<List<String>> rows = new ArrayList<>();
    for (String user : USERS) {
      // The board is read through Cockpit's door, with a session login, as its page reads it.
      Api cockpit = new Api(port).webLogin(user);
      rows.add(List.of(user,
          status(cockpit.get(null, BOARD + "?district=koeln")),
          status(cockpit.get(null, BOARD + "?district=bonn")),
          status(cockpit.get(null, BOARD)),
          status(cockpit.get(null, BOARD + "/csv?district=koeln")),
          status(cockpit.get(null, BOARD + "/csv?district=bonn")),
          status(cockpit.get(null, BOARD + "?district=atlantis"))));
    }
    String actual = table(List.of("user", "board Köln", "board Bonn", "board own", "CSV Köln", "CSV Bonn",
        "unknown district"), rows);
    System.out.println("Access matrix (deadline board):\n" + actual);
    assertThat(normalise(actual)).isEqualTo(normalise(EXPECTED_BOARD));

    // The supervisor's Köln board is the administrator's Köln board: their district's cases, Bonn's not.
    Api supervisor = new Api(port).webLogin("supervisor");
    Api administrator = new Api(port).webLogin("demo");
    Api.Response koeln = supervisor.get(null, BOARD + "?district=koeln");
    assertThat(koeln.json().path("agencies")).isEqualTo(
        administrator.get(null, BOARD + "?district=koeln").json().path("agencies"));
    assertThat(koeln.json().path("districts").size()).as("no selector for a supervisor").isEqualTo(1);
    assertThat(administrator.get(null, BOARD).json().path("districts").size()).isEqualTo(2);
    assertThat(koeln.body()).doesNotContain("Bonn", "BN-MATRIX");
    long bonnPolice = 0;
    for (var agency : administrator.get(null, BOARD + "?district=bonn").json().path("agencies")) {
      if (agency.path("groupId").asText().equals("policeBonn")) {
        bonnPolice = agency.path("open").asLong();
      }
    }
    assertThat(bonnPolice).as("Bonn's case has open police tasks").isPositive();
    Api.Response unknown = supervisor.get(null, BOARD + "?district=atlantis");
    assertThat(unknown.json().path("field").asText()).isEqualTo("district");
    assertThat(unknown.json().path("message").asText()).startsWith("Bezirk: unbekannt");
  }

  private static String status(Api.Response response) {
    return String.valueOf(response.status());
  }

  @Test
  void onlyPoliceStartCases_onlyTheAdministratorDeploys() {
    List<List<String>> rows = new ArrayList<>();
    int n = 0;
    for (String user : USERS) {
      Map<String, Object> variables = Cases.domesticViolence("KOE-MATRIX-START-" + (++n),
          user.equals("bonnofficer") ? "bonn" : "koeln");
      Api.Response started = api.post(user, "/engine-rest/process-definition/key/" + Cases.DOMESTIC_VIOLENCE
          + "/start", Cases.startBody(variables));
      Api.Response reported = api.post(user, "/engine-rest/process-definition/key/" + Cases.SCHOOL_THREAT + "/start",
          Cases.startBody(Cases.schoolThreat("165432-START-" + n, "koeln")));
      Api.Response deployed = api.deploy(user, "security-probe-" + user + ".bpmn", probeProcess(user));
      rows.add(List.of(user, allowed(started.status()), allowed(reported.status()), allowed(deployed.status())));
      assertThat(started.status()).as(user + " start: " + started.body()).isIn(200, 403);
      assertThat(reported.status()).as(user + " report threat: " + reported.body()).isIn(200, 403);
      assertThat(deployed.status()).as(user + " deploy: " + deployed.body()).isIn(200, 403);
    }
    String actual = table(List.of("user", "start case", "report threat", "deploy"), rows);
    System.out.println("Access matrix (global):\n" + actual);
    assertThat(normalise(actual)).isEqualTo(normalise(EXPECTED_GLOBAL));
  }

  @Test
  void school_reportsOnlyForItsOwnDistrict_andSeesTheOutcomeItNeeds_neverThePolicesAssessment() {
    Api.Response forBonn = api.post("teacher", "/engine-rest/process-definition/key/" + Cases.SCHOOL_THREAT + "/start",
        Cases.startBody(Cases.schoolThreat("165432-MATRIX-BONN", "bonn")));
    assertThat(forBonn.status()).as("a Köln school reports for Bonn: " + forBonn.body()).isEqualTo(403);
    assertThat(api.get("demo", "/engine-rest/process-instance/count?businessKey=165432-MATRIX-BONN").json()
        .get("count").asInt()).as("the refused start left nothing").isZero();
    // The school's start list (Tasklist asks exactly this) holds its report and no other process.
    JsonNode startable = api.get("teacher", "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
        + "&startablePermissionCheck=true" + Api.PAGE).json();
    assertThat(startable).extracting(definition -> definition.get("key").asText()).containsExactly(Cases.SCHOOL_THREAT);

    TestCase threat = cases.get("Threat Köln");
    JsonNode tasks = api.get("teacher", "/engine-rest/task?processInstanceBusinessKey=" + threat.reference() + Api.PAGE)
        .json();
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    JsonNode formVariables = api.get("teacher", "/engine-rest/task/" + taskId + "/form-variables").json();
    assertThat(formVariables.fieldNames()).toIterable()
        .contains("threatDescription", "threatenedBy", "knownThrough", "dangerAssessed", "schoolMeasures")
        .doesNotContain("threatAssessmentNotes", "immediateMeasures");
    assertThat(formVariables.get("schoolMeasures").get("value").asText()).isEqualTo("Unterricht fortsetzen, Eltern informieren");
    assertThat(api.get("teacher", "/engine-rest/task/" + taskId + "/variables/threatAssessmentNotes").status())
        .isIn(403, 404);
    assertThat(api.get("teacher", "/engine-rest/process-instance/" + threat.processInstanceId() + "/variables").status())
        .isIn(403, 404);
  }

  @Test
  void schoolContact_neverReadsVictimDetailsOrRiskChecklist_byAnyRoute() {
    String pid = cases.get("DV Köln").processInstanceId();
    JsonNode teachersTasks = api.get("teacher", "/engine-rest/task?processInstanceBusinessKey="
        + cases.get("DV Köln").reference() + Api.PAGE).json();
    assertThat(teachersTasks).hasSize(1);
    JsonNode task = teachersTasks.get(0);
    String taskId = task.get("id").asText();
    assertThat(task.get("name").asText()).as("names the child as the Jugendamt's request gives it")
        .isEqualTo("Kind beobachten: Lena (9 Jahre, Klasse 3b)");
    // What Tasklist shows as the task's process and diagram: the neutral process, not the domestic-violence case.
    String definitionId = task.get("processDefinitionId").asText();
    JsonNode definition = api.get("teacher", "/engine-rest/process-definition/" + definitionId).json();
    assertThat(definition.get("key").asText()).isEqualTo("school-observation");
    assertThat(definition.get("name").asText()).isEqualTo("Beobachtung in der Schule");
    assertThat(api.get("teacher", "/engine-rest/process-definition/" + definitionId + "/xml").body())
        .doesNotContain("domestic-violence", "Rückkehrverbot", "§34a");
    String observationId = task.get("processInstanceId").asText();
    assertThat(observationId).as("the school's task lives in the called instance").isNotEqualTo(pid);

    JsonNode formVariables = api.get("teacher", "/engine-rest/task/" + taskId + "/form-variables").json();
    assertThat(formVariables.fieldNames()).toIterable()
        .contains("caseReference", "observedChildFirstName", "observedChildAgeAndClass", "schoolObservationRequest")
        .doesNotContain("victimName", "victimPhone", "victimAddress", "householdAddress", "threatsToKill", "riskLevel",
            "childAges");
    assertThat(api.get("teacher", "/engine-rest/task/" + taskId + "/variables/victimName").status()).isIn(403, 404);
    assertThat(api.get("teacher", "/engine-rest/task/" + taskId + "/variables/observedChildFirstName").status())
        .isEqualTo(200);
    assertThat(api.get("officer", "/engine-rest/process-instance/" + observationId + "/variables").json()
        .fieldNames()).toIterable().as("the called instance holds only what the school needs")
        .doesNotContain("victimName", "childAges", "riskLevel", "householdAddress");
    // The engine's authorizations give a school no variable of the case: the list is empty.
    assertThat(api.get("teacher", "/engine-rest/variable-instance?processInstanceIdIn=" + pid + Api.PAGE).json())
        .isEmpty();
    assertThat(api.get("teacher", "/engine-rest/variable-instance?processInstanceIdIn=" + observationId + Api.PAGE)
        .json()).isEmpty();
    for (String query : List.of("/engine-rest/history/variable-instance?processInstanceId=" + pid + Api.PAGE,
        "/engine-rest/history/detail?processInstanceId=" + pid + Api.PAGE,
        "/engine-rest/process-instance/" + pid + "/variables",
        "/engine-rest/execution/" + pid + "/localVariables",
        "/engine-rest/process-instance/" + observationId + "/variables",
        "/engine-rest/history/variable-instance?processInstanceId=" + observationId + Api.PAGE)) {
      assertThat(api.get("teacher", query).status()).as(query).isIn(403, 404);
    }

    // Nor guess values through a task search.
    Map<String, Object> guess = Map.of("processVariables",
        List.of(Map.of("name", "victimName", "operator", "eq", "value", "A. Example")));
    assertThat(api.post("teacher", "/engine-rest/task/count", guess).status()).isEqualTo(403);
    assertThat(api.post("teacher", "/engine-rest/task/count",
        Map.of("orQueries", List.of(guess))).status()).isEqualTo(403);
    assertThat(api.get("teacher", "/engine-rest/task/count?processVariables=victimName_eq_A").status()).isEqualTo(403);
    assertThat(api.post("officer", "/engine-rest/task/count", guess).status()).as("police may").isEqualTo(200);

    // Tasklist reads the same resources through the web apps' path, with a session login.
    Api tasklist = new Api(port);
    tasklist.get(null, "/camunda/app/tasklist/default/");
    Api.Response login = tasklist.postRaw(null, null, "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=teacher&password=demo",
        Map.of("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN")));
    assertThat(login.status()).isEqualTo(200);
    JsonNode viaTasklist = tasklist.get(null, "/camunda/api/engine/engine/default/task/" + taskId + "/form-variables")
        .json();
    assertThat(viaTasklist.has("observedChildFirstName")).isTrue();
    assertThat(viaTasklist.has("victimName")).isFalse();
  }

  /**
   * The preparation tasks and the minutes of a case's conference reach only the agencies at that case's conference:
   * the Jugendamt and the counselling centre take part in one Köln case (children, consent) and not in the other
   * (police only), at the same conference. Schools and other districts never.
   */
  @Test
  void conferencePreparationAndMinutes_onlyForTheAgenciesAtThatCasesConference() {
    Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("KOE-MATRIX-CC-1", "koeln"));
    Map<String, Object> policeOnly = Cases.domesticViolence("KOE-MATRIX-CC-2", "koeln");
    policeOnly.put("childCount", Cases.typed(0, "Long"));
    policeOnly.put("victimConsentsToCounselling", Cases.typed(false, "Boolean"));
    Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, policeOnly);
    String conference = Cases.start(api, "officer", Cases.CASE_CONFERENCE, Cases.caseConference("FK-KOELN-MATRIX-2"));
    String withAgencies = conferenceCase("KOE-MATRIX-CC-1");
    String policeCase = conferenceCase("KOE-MATRIX-CC-2");

    assertThat(preparations("youthworker", "KOE-MATRIX-CC-1")).hasSize(1);
    assertThat(preparations("counsellor", "KOE-MATRIX-CC-1")).hasSize(1);
    for (String user : List.of("youthworker", "counsellor", "teacher", "bonnofficer")) {
      assertThat(preparations(user, "KOE-MATRIX-CC-2")).as(user + ": not at this case's conference").isEmpty();
      assertThat(readable(api.get(user, "/engine-rest/process-instance/" + policeCase))).as(user).isEqualTo("no");
      assertThat(readable(api.get(user, "/engine-rest/process-instance/" + conference)))
          .as(user + ": the conference itself is the coordinator's").isEqualTo("no");
    }
    assertThat(api.get("officer", "/engine-rest/process-instance/" + conference + "/variables").json().fieldNames())
        .toIterable().as("the conference holds case references, no case data")
        .doesNotContain("victimName", "riskLevel", "childAges", "referralReason", "conferenceAgencies");

    for (String user : List.of("officer", "youthworker", "counsellor")) {
      for (JsonNode preparation : preparations(user, "KOE-MATRIX-CC-1")) {
        complete(user, preparation.get("id").asText(), Map.of("preparationFindings", Cases.string("bekannt"),
            "preparationProposal", Cases.string("Hausbesuch")));
      }
    }
    for (JsonNode preparation : preparations("officer", "KOE-MATRIX-CC-2")) {
      complete("officer", preparation.get("id").asText(), Map.of("preparationFindings", Cases.string("bekannt"),
          "preparationProposal", Cases.string("Ansprache")));
    }
    JsonNode result = api.get("officer", "/engine-rest/task?processInstanceBusinessKey=KOE-MATRIX-CC-1"
        + "&taskDefinitionKey=Task_RecordConferenceResult" + Api.PAGE).json().get(0);
    complete("officer", result.get("id").asText(), Map.of("conferenceDecision", Cases.string("followUpActions"),
        "action1Text", Cases.string("Hausbesuch mit Schutzplan"), "action1Owner", Cases.string("youthWelfare"),
        "action1Deadline", Cases.string(java.time.LocalDate.now().plusDays(7).toString())));

    String minutes = "/engine-rest/history/variable-instance?processInstanceId=" + withAgencies
        + "&variableName=action1Text" + Api.PAGE;
    for (String user : List.of("officer", "supervisor", "youthworker", "counsellor")) {
      assertThat(api.get(user, minutes).json().size()).as(user + " reads the minutes of the case").isPositive();
    }
    for (String user : List.of("teacher", "bonnofficer")) {
      Api.Response answer = api.get(user, minutes);
      assertThat(answer.status() != 200 || answer.json().isEmpty()).as(user + " reads no minutes").isTrue();
    }
    String otherMinutes = "/engine-rest/history/variable-instance?processInstanceId=" + policeCase + Api.PAGE;
    assertThat(api.get("youthworker", otherMinutes).json()).as("not the minutes of the other case").isEmpty();
    assertThat(api.get("youthworker", "/engine-rest/task?processInstanceBusinessKey=KOE-MATRIX-CC-1"
        + "&taskDefinitionKey=Task_CarryOutAction" + Api.PAGE).json()).as("the action is the Jugendamt's task")
        .hasSize(1);
  }

  private String conferenceCase(String reference) {
    JsonNode instances = api.get("demo", "/engine-rest/process-instance?businessKey=" + reference
        + "&processDefinitionKey=conference-case" + Api.PAGE).json();
    assertThat(instances).as(reference + " referred").hasSize(1);
    return instances.get(0).get("id").asText();
  }

  private JsonNode preparations(String user, String reference) {
    return api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=Task_PrepareCaseConference" + Api.PAGE).json();
  }

  private void complete(String user, String taskId, Map<String, Object> variables) {
    Api.Response completed = api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    if (completed.status() == 409) {
      completed = api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }
    assertThat(completed.status()).as(user + " completes: " + completed.body()).isEqualTo(204);
  }

  private List<String> row(String user, TestCase testCase) {
    String pid = testCase.processInstanceId();
    JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + testCase.reference()
        + "&sortBy=id&sortOrder=asc" + Api.PAGE).json();
    String taskVariables = "-";
    if (tasks.size() > 0) {
      Api.Response variables = api.get(user, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/variables");
      assertThat(variables.status()).as(user + " task variables: " + variables.body()).isEqualTo(200);
      taskVariables = variables.json().has(SENSITIVE.get(testCase.process())) ? "all" : "task form only";
      assertThat(variables.json().has("caseReference")).as(user + " sees the case reference").isTrue();
    }
    Api.Response historyVariables = api.get(user, "/engine-rest/history/variable-instance?processInstanceId=" + pid + Api.PAGE);
    Api.Response change = api.post(user, "/engine-rest/process-instance/" + pid + "/variables",
        Map.of("modifications", Map.of("matrixProbe", Cases.string(user))));
    return List.of(user, testCase.label(),
        String.valueOf(tasks.size()),
        taskVariables,
        readable(api.get(user, "/engine-rest/process-instance/" + pid)),
        readable(api.get(user, "/engine-rest/process-instance/" + pid + "/variables")),
        readable(api.get(user, "/engine-rest/history/process-instance/" + pid)),
        historyVariables.status() == 200 && historyVariables.json().size() > 0 ? "yes" : "no",
        String.valueOf(api.get(user, "/engine-rest/process-instance?businessKey=" + testCase.reference() + Api.PAGE).json().size()),
        String.valueOf(api.get(user, "/engine-rest/history/process-instance?processInstanceBusinessKey="
            + testCase.reference() + Api.PAGE).json().size()),
        change.status() == 204 ? "yes" : "no");
  }

  /**
   * Whether the user may work the first task they see: claim it (then give it back, so the next rows see the same
   * state). "-": no task visible. Supervisors read their district's tasks but do not work them.
   */
  private String workTask(String user, TestCase testCase) {
    JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + testCase.reference()
        + "&sortBy=id&sortOrder=asc" + Api.PAGE).json();
    if (tasks.isEmpty()) {
      return "-";
    }
    JsonNode task = null;
    for (JsonNode candidate : tasks) {
      if (candidate.path("assignee").isNull() || candidate.path("assignee").isMissingNode()) {
        task = candidate;
        break;
      }
    }
    assertThat(task).as(user + " has an unclaimed task in " + testCase.label()).isNotNull();
    String taskId = task.get("id").asText();
    Api.Response claim = api.post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    assertThat(claim.status()).as(user + " claim: " + claim.body()).isIn(204, 403);
    if (claim.status() == 204) {
      assertThat(api.post(user, "/engine-rest/task/" + taskId + "/unclaim", Map.of()).status()).isEqualTo(204);
      return "yes";
    }
    return "no";
  }

  private static String readable(Api.Response response) {
    assertThat(response.status()).as(response.body()).isIn(200, 403, 404);
    return response.status() == 200 ? "yes" : "no";
  }

  private static String allowed(int status) {
    return status == 200 ? "yes" : "no";
  }

  private static String probeProcess(String user) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
          <process id="security-probe-%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="start"/>
          </process>
        </definitions>
        """.formatted(user);
  }

  static String table(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < all.size(); r++) {
      List<String> row = all.get(r);
      StringBuilder line = new StringBuilder("|");
      for (int i = 0; i < row.size(); i++) {
        line.append(' ').append(String.format("%-" + widths[i] + "s", row.get(i))).append(" |");
      }
      text.append(line).append('\n');
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
          rule.append("-".repeat(width + 2)).append('|');
        }
        text.append(rule).append('\n');
      }
    }
    return text.toString();
  }

  /** Compares cells, not spacing or the markdown rule line. */
  private static String normalise(String table) {
    return table.lines()
        .filter(line -> !line.matches("\\|[-|]+\\|"))
        .map(line -> java.util.Arrays.stream(line.split("\\|")).map(String::trim).filter(cell -> !cell.isEmpty())
            .collect(Collectors.joining("|")))
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
