package de.nrw.intervention.schoolthreat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.schoolthreat.SchoolThreatReport.Elements;
import de.nrw.intervention.schoolthreat.SchoolThreatReport.Variables;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of a school's threat report, with the deadlines of its decision and the school's view of the outcome. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"school-threat-report.bpmn", "district-routing.dmn", "school-threat-report-deadlines.dmn",
    "start-school-threat-report.form", "assess-threat.form", "acknowledge-threat-report.form",
    "take-note-of-threat-outcome.form", "assess-pupil-support-needs.form", "hold-threat-case-conference.form",
    "close-threat-case.form"})
class SchoolThreatReportProcessTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:15:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  ProcessEngine processEngine;

  @BeforeEach
  void registerBeansAndFreezeClock() {
    Mocks.register("caseReferenceListener", new CaseReferenceListener());
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void report_isAssessedByThePoliceUrgently_andTheCrisisOfficerIsToldAtOnce() {
    ProcessInstance report = report("koeln", "adultPupil");

    assertOpenTasks(report, Elements.ASSESS_THREAT, Elements.ACKNOWLEDGE_THREAT_REPORT);
    Task assessment = taskAt(Elements.ASSESS_THREAT, report);
    assertThat(assessment).hasCandidateGroup("policeKoeln").hasDueDate(in(Duration.ofHours(2)));
    assertThat(assessment.getPriority()).as("urgent: tops the officers' inbox").isEqualTo(90);
    Task acknowledgement = taskAt(Elements.ACKNOWLEDGE_THREAT_REPORT, report);
    assertThat(acknowledgement).hasCandidateGroup("crisisOfficerKoeln").hasDueDate(in(Duration.ofHours(1)));
    assertThat(acknowledgement.getPriority()).as("only the police's assessment is urgent").isEqualTo(50);
    assertThat(report).variables().containsEntry("threatAssessmentReminderLead", "PT30M");
    assertThat(report).hasBusinessKey("165432-2026-03");
  }

  @Test
  void noDanger_adultPupil_schoolLearnsTheOutcome_conferenceThenClosure_noJugendamt() {
    ProcessInstance report = report("koeln", "adultPupil");

    complete(taskAt(Elements.ASSESS_THREAT, report), assessment("noDanger"));

    assertOpenTasks(report, Elements.ACKNOWLEDGE_THREAT_REPORT, Elements.TAKE_NOTE_OF_THREAT_OUTCOME);
    assertThat(taskAt(Elements.TAKE_NOTE_OF_THREAT_OUTCOME, report)).hasCandidateGroup("schoolKoeln")
        .hasDueDate(in(Duration.ofDays(1)));
    complete(taskAt(Elements.TAKE_NOTE_OF_THREAT_OUTCOME, report), withVariables("schoolOutcomeNote", "Verstanden."));
    assertOpenTasks(report, Elements.ACKNOWLEDGE_THREAT_REPORT);

    complete(taskAt(Elements.ACKNOWLEDGE_THREAT_REPORT, report), withVariables(Variables.CRISIS_SUPPORT_OFFERED, "no"));

    assertOpenTasks(report, Elements.HOLD_THREAT_CASE_CONFERENCE);
    assertThat(report).hasNotPassed(Elements.ASSESS_PUPIL_SUPPORT_NEEDS);
    assertThat(task(report)).hasCandidateGroup("policeKoeln").hasDueDate(in(Duration.ofDays(14)));
    complete(task(report), withVariables(Variables.CONFERENCE_HELD_ON, "2026-12-03",
        Variables.CONFERENCE_AGREEMENTS, "Gespräch mit den Eltern."));
    assertThat(task(report)).hasDefinitionKey(Elements.CLOSE_THREAT_CASE).hasCandidateGroup("policeKoeln")
        .hasDueDate(in(Duration.ofDays(7)));
    complete(task(report), withVariables(Variables.CASE_SUMMARY, "Keine Gefahr."));

    assertThat(report).isEnded().hasPassed(Elements.THREAT_CASE_CLOSED);
  }

  @Test
  void danger_minorPupil_jugendamtChecksSupport_beforeTheConference() {
    ProcessInstance report = report("koeln", "minorPupil");
    complete(taskAt(Elements.ACKNOWLEDGE_THREAT_REPORT, report), withVariables(Variables.CRISIS_SUPPORT_OFFERED, "yes"));

    complete(taskAt(Elements.ASSESS_THREAT, report), assessment("danger"));

    assertOpenTasks(report, Elements.TAKE_NOTE_OF_THREAT_OUTCOME, Elements.ASSESS_PUPIL_SUPPORT_NEEDS);
    assertThat(taskAt(Elements.ASSESS_PUPIL_SUPPORT_NEEDS, report)).hasCandidateGroup("youthWelfareKoeln")
        .hasDueDate(in(Duration.ofDays(3)));
    complete(taskAt(Elements.ASSESS_PUPIL_SUPPORT_NEEDS, report), withVariables(Variables.PUPIL_SUPPORT_OUTCOME,
        "supportOffered", Variables.PUPIL_SUPPORT_NOTES, "Familie nimmt Beratung an."));
    assertOpenTasks(report, Elements.TAKE_NOTE_OF_THREAT_OUTCOME);
    complete(taskAt(Elements.TAKE_NOTE_OF_THREAT_OUTCOME, report));

    assertOpenTasks(report, Elements.HOLD_THREAT_CASE_CONFERENCE);
  }

  @Test
  void unknownAuthor_noJugendamt() {
    ProcessInstance report = report("koeln", "unknown");
    complete(taskAt(Elements.ASSESS_THREAT, report), assessment("danger"));

    assertOpenTasks(report, Elements.ACKNOWLEDGE_THREAT_REPORT, Elements.TAKE_NOTE_OF_THREAT_OUTCOME);
  }

  @Test
  void bonnSchool_goesToBonnsAgencies() {
    ProcessInstance report = report("bonn", "minorPupil");
    assertThat(taskAt(Elements.ASSESS_THREAT, report)).hasCandidateGroup("policeBonn");
    assertThat(taskAt(Elements.ACKNOWLEDGE_THREAT_REPORT, report)).hasCandidateGroup("crisisOfficerBonn");
    complete(taskAt(Elements.ASSESS_THREAT, report), assessment("noDanger"));
    assertThat(taskAt(Elements.TAKE_NOTE_OF_THREAT_OUTCOME, report)).hasCandidateGroup("schoolBonn");
    assertThat(taskAt(Elements.ASSESS_PUPIL_SUPPORT_NEEDS, report)).hasCandidateGroup("youthWelfareBonn");
  }

  @Test
  void schoolsForm_showsItsReportAndTheOutcome_neverThePolicesAssessment() throws IOException {
    ProcessInstance report = report("koeln", "minorPupil");
    complete(taskAt(Elements.ASSESS_THREAT, report), assessment("danger"));

    List<String> schoolFields = keys(taskAt(Elements.TAKE_NOTE_OF_THREAT_OUTCOME, report));
    assertThat(schoolFields).contains(Variables.THREAT_DESCRIPTION, Variables.THREAT_DATE_TIME, Variables.THREATENED_BY,
        Variables.KNOWN_THROUGH, Variables.DANGER_ASSESSED, Variables.SCHOOL_MEASURES)
        .doesNotContainAnyElementsOf(Variables.POLICE_ONLY);
    // The police's form has the details the school must not see.
    assertThat(formKeys("assess-threat")).containsAll(Variables.POLICE_ONLY);
  }

  private ProcessInstance report(String district, String threatenedBy) {
    return processEngine.getRuntimeService().createProcessInstanceByKey(SchoolThreatReport.PROCESS_KEY)
        .setVariables(Map.of(
            Variables.CASE_REFERENCE, "165432-2026-03",
            Variables.DISTRICT, district,
            Variables.THREAT_DESCRIPTION, "Zettel an der Tafel: morgen passiert hier etwas",
            Variables.THREAT_DATE_TIME, "2026-11-24T08:40+01:00",
            Variables.THREATENED_BY, threatenedBy,
            Variables.KNOWN_THROUGH, "writing",
            Variables.REPORTER_PHONE, "0221 555010"))
        .execute();
  }

  private static Map<String, Object> assessment(String danger) {
    return withVariables(Variables.DANGER_ASSESSED, danger, Variables.SCHOOL_MEASURES, "Unterricht fortsetzen.",
        Variables.THREAT_ASSESSMENT_NOTES, "Gefährderansprache erfolgt.", Variables.IMMEDIATE_MEASURES,
        "Streife vor der Schule.");
  }

  private Task taskAt(String definitionKey, ProcessInstance instance) {
    return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(definitionKey).singleResult();
  }

  private List<String> keys(Task task) throws IOException {
    try (InputStream form = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
      return fieldKeys(JSON.readTree(form));
    }
  }

  private static List<String> formKeys(String formId) throws IOException {
    try (InputStream form = SchoolThreatReportProcessTest.class.getResourceAsStream("/" + formId + ".form")) {
      return fieldKeys(JSON.readTree(form));
    }
  }

  private static List<String> fieldKeys(JsonNode form) {
    List<String> keys = new ArrayList<>();
    form.path("components").forEach(component -> {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
    });
    return keys;
  }

  /** The tasks people have to work; a token waiting at a parallel join is none. */
  private void assertOpenTasks(ProcessInstance instance, String... definitionKeys) {
    assertThat(taskQuery().processInstanceId(instance.getId()).list()).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(definitionKeys);
  }

  private static Date in(Duration duration) {
    return Date.from(NOW.plus(duration));
  }
}
