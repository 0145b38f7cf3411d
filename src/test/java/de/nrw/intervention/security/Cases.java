package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Start variables and steps of the two real processes, as a police system or Tasklist would send them. */
final class Cases {

  static final String DOMESTIC_VIOLENCE = "domestic-violence-intervention";
  static final String YOUNG_OFFENDER = "young-offender-coordination";
  static final String SCHOOL_THREAT = "school-threat-report";
  static final String CASE_CONFERENCE = "district-case-conference";

  private Cases() {
  }

  static Map<String, Object> domesticViolence(String reference, String district) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseReference", string(reference));
    variables.put("district", string(district));
    variables.put("operationDateTime", string("2026-11-20T21:45+01:00"));
    variables.put("expulsionOrderIssued", typed(true, "Boolean"));
    variables.put("expulsionOrderDateTime", string("2026-11-20T22:30+01:00"));
    variables.put("childCount", typed(1, "Long"));
    variables.put("childAges", string("9"));
    variables.put("householdAddress", string("Musterstraße 1, 50667 Köln"));
    variables.put("victimConsentsToCounselling", typed(true, "Boolean"));
    variables.put("victimName", string("A. Example"));
    variables.put("victimPhone", string("0221 000000"));
    variables.put("victimAddress", string("Musterstraße 1, 50667 Köln"));
    variables.put("threatsToKill", typed(true, "Boolean"));
    return variables;
  }

  static Map<String, Object> youngOffender(String reference, String district) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseReference", string(reference));
    variables.put("district", string(district));
    variables.put("age", typed(15, "Long"));
    variables.put("offenceCategory", string("violent"));
    variables.put("offencesLast12Months", typed(6, "Long"));
    variables.put("attendsSchool", typed(true, "Boolean"));
    variables.put("riskFamilyConflict", typed(true, "Boolean"));
    return variables;
  }

  /** A school's threat report, as its start form sends it; an adult pupil, so no Jugendamt task. */
  static Map<String, Object> schoolThreat(String reference, String district) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseReference", string(reference));
    variables.put("district", string(district));
    variables.put("threatDescription", string("Zettel an der Tafel: morgen passiert hier etwas"));
    variables.put("threatDateTime", string("2026-11-24T08:40+01:00"));
    variables.put("threatenedBy", string("adultPupil"));
    variables.put("pupilNameAndClass", string("M. Beispiel, 12b"));
    variables.put("knownThrough", string("writing"));
    variables.put("reporterPhone", string("0221 555010"));
    return variables;
  }

  /** The police assess the threat: the school's outcome task appears. */
  static void assessThreat(Api api, String processInstanceId) {
    completeOnly(api, "officer", processInstanceId, "Task_AssessThreat", Map.of(
        "dangerAssessed", string("danger"),
        "immediateMeasures", string("Streife vor der Schule"),
        "threatAssessmentNotes", string("Gefährderansprache beim Schüler erfolgt"),
        "schoolMeasures", string("Unterricht fortsetzen, Eltern informieren")));
  }

  /** An ad-hoc case conference of Köln, called by the coordinator (the police victim-protection officer). */
  static Map<String, Object> caseConference(String reference) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseReference", string(reference));
    variables.put("district", string("koeln"));
    variables.put("conferenceDateTime", string(LocalDate.now().plusDays(10) + "T10:00+01:00"));
    variables.put("conferenceLocation", string("Polizeipräsidium Köln, Raum 3.14"));
    return variables;
  }

  static Map<String, Object> startBody(Map<String, Object> variables) {
    return Map.of("variables", variables);
  }

  /** Starts a case and returns its process instance id. */
  static String start(Api api, String user, String process, Map<String, Object> variables) {
    Api.Response started = api.post(user, "/engine-rest/process-definition/key/" + process + "/start", startBody(variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().get("id").asText();
  }

  /** Youth welfare asks the school to observe the child: the case's school task appears. */
  static void requestSchoolObservation(Api api, String processInstanceId) {
    completeOnly(api, "youthworker", processInstanceId, "Task_AssessChildRisk", Map.of(
        "childRiskOutcome", string("supportOffered"),
        "childRiskAssessmentNotes", string("Support offered to the mother"),
        "schoolObservationRequested", typed(true, "Boolean"),
        "observedChildFirstName", string("Lena"),
        "observedChildAgeAndClass", string("9 Jahre, Klasse 3b"),
        "schoolObservationRequest", string("Please watch for signs of distress")));
  }

  /** Police fix the conference date: the school and family reports are requested. */
  static void conveneConference(Api api, String processInstanceId) {
    completeOnly(api, "officer", processInstanceId, "Task_ConveneCaseConference", Map.of(
        "conferenceDate", string(LocalDate.now().plusDays(21).toString())));
  }

  private static void completeOnly(Api api, String user, String processInstanceId, String taskKey,
      Map<String, Object> variables) {
    Api.Response tasks = api.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + taskKey + Api.PAGE);
    assertThat(tasks.json().size()).as(tasks.body()).isEqualTo(1);
    String taskId = tasks.json().get(0).get("id").asText();
    Api.Response completed = api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    // The case's past deadlines make reminder jobs run on the same execution at once; the engine then refuses one
    // of the two writers with an optimistic-locking answer (409), and a client tries again (once is enough here).
    if (completed.status() == 409) {
      completed = api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  static Map<String, Object> string(String value) {
    return typed(value, "String");
  }

  static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }
}
