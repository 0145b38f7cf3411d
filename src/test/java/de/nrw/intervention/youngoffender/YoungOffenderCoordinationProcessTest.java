package de.nrw.intervention.youngoffender;

import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Elements.*;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.casefile.CaseReferenceListener;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
    "young-offender-coordination.bpmn", "young-offender-track.dmn", "young-offender-deadlines.dmn", "district-routing.dmn",
    "start-young-offender-coordination.form", "yo-assess-child-welfare-needs.form", "yo-hold-educational-conversation.form",
    "yo-report-measures-to-prosecutor.form", "yo-obtain-parental-consent.form", "yo-convene-case-conference.form",
    "yo-report-school-attendance.form", "yo-report-family-situation.form", "yo-hold-case-conference.form",
    "yo-carry-out-measure.form", "yo-review-intervention-plan.form", "yo-decide-programme-extension.form"})
class YoungOffenderCoordinationProcessTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final PlatformCalendar CALENDAR = new PlatformCalendar(ZONE);
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 0);
  private static final String CONFERENCE_DAY = "2026-03-20";

  ProcessEngine processEngine;

  @BeforeEach
  void registerBeansAndFixClock() {
    ClockUtil.setCurrentTime(date(NOW));
    YoungOffenderDates dates = new YoungOffenderDates(CALENDAR);
    Mocks.register("caseReferenceListener", new CaseReferenceListener());
    Mocks.register("youngOffenderDates", dates);
    Mocks.register("socialRiskFactors", new SocialRiskFactors());
    Mocks.register("interventionPlan", new InterventionPlan(dates));
    Mocks.register("prepareMeasureTaskListener", new PrepareMeasureTaskListener(new InterventionPlan(dates)));
    Mocks.register("startProgrammeYearDelegate", new StartProgrammeYearDelegate(dates));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // --- child track ---------------------------------------------------------------------------------

  @Test
  void childUnder14_youthWelfareAssessesNeeds_caseClosesWithoutProsecution() {
    ProcessInstance instance = start(facts("KOE-2026-000001", "koeln", 12, "property", 1, true));

    assertThat(instance).isWaitingAtExactly(ASSESS_CHILD_WELFARE_NEEDS).variables()
        .containsEntry(TRACK, "child").containsEntry(POLICE_GROUP, "policeKoeln");
    assertThat(task()).hasCandidateGroup("youthWelfareKoeln");
    assertThat(task().getDueDate()).isEqualTo(date(NOW.plusDays(14)));
    assertThat(instance.getBusinessKey()).isEqualTo("KOE-2026-000001");

    complete(task(), withVariables("childWelfareOutcome", "educationalSupport"));

    assertThat(instance).isEnded().hasPassed(CHILD_TRACK_CLOSED).hasNotPassed(HOLD_EDUCATIONAL_CONVERSATION);
  }

  // --- diversion -----------------------------------------------------------------------------------

  @Test
  void firstMinorOffence_policeHoldConversation_youthCourtAssistanceReportsToProsecutor_caseCloses() {
    ProcessInstance instance = start(facts("BN-2026-000002", "bonn", 15, "property", 1, true));

    assertThat(instance).isWaitingAtExactly(HOLD_EDUCATIONAL_CONVERSATION).variables().containsEntry(TRACK, "diversion");
    assertThat(task()).hasCandidateGroup("policeBonn");
    assertThat(task().getPriority()).as("diversion: the engine's default priority").isEqualTo(50);
    assertThat(task().getDueDate()).isEqualTo(date(NOW.plusDays(14)));

    complete(task(), withVariables("conversationDate", "2026-03-05", "parentsPresent", true));

    assertThat(instance).isWaitingAtExactly(REPORT_MEASURES_TO_PROSECUTOR);
    assertThat(task()).hasCandidateGroup("youthWelfareBonn");
    assertThat(task().getDueDate()).isEqualTo(date(NOW.plusDays(14)));

    complete(task(), withVariables("educationalMeasures", "Apology and restitution",
        "diversionRecommendation", "section45Para2", "reportedToProsecutorOn", "2026-03-09"));

    assertThat(instance).isEnded().hasPassed(DIVERSION_CLOSED);
  }

  // --- intensive track -----------------------------------------------------------------------------

  @Test
  void intensiveTrack_consentRefused_caseClosesWithReason() {
    ProcessInstance instance = start(facts("KOE-2026-000003", "koeln", 13, "violent", 1, true));

    assertThat(instance).isWaitingAtExactly(OBTAIN_PARENTAL_CONSENT).variables()
        .containsEntry(TRACK, "intensive").containsEntry(RISK_FACTOR_COUNT, 2);
    assertThat(task()).hasCandidateGroup("youthWelfareKoeln");
    assertThat(task().getPriority()).as("intensive track").isEqualTo(60);
    assertThat(task().getDueDate()).isEqualTo(date(NOW.plusDays(14)));

    complete(task(), withVariables(PARENTAL_CONSENT, "refused", CLOSURE_REASON, "Parents do not want to take part"));

    assertThat(instance).isEnded().hasPassed(CONSENT_REFUSED).hasNotPassed(PROGRAMME)
        .variables().containsEntry(CLOSURE_REASON, "Parents do not want to take part");
  }

  @Test
  void intensiveTrack_consentGiven_conferencePlanBecomesMeasureTasks_reviewClosesProgramme() {
    ProcessInstance instance = startIntensiveCaseWithConsent();

    // police convene the conference
    assertThat(instance).isWaitingAt(CONVENE_CASE_CONFERENCE).variables()
        .containsEntry(PROGRAMME_YEAR, 1)
        .containsEntry(CONFERENCE_LATEST_DATE, NOW.toLocalDate().plusDays(21).toString())
        .containsEntry(PROGRAMME_YEAR_END_DATE, date(NOW.plusYears(1)));
    assertThat(task()).hasCandidateGroup("policeKoeln");
    assertThat(task().getDueDate()).isEqualTo(date(NOW.plusDays(7)));
    assertThat(job(EIGHTEENTH_BIRTHDAY_REACHED).getDuedate())
        .isEqualTo(date(LocalDate.of(2010, 9, 15).plusYears(18).atStartOfDay()));

    complete(task(), withVariables(CONFERENCE_DATE, CONFERENCE_DAY));

    // school contact and youth welfare report before the conference
    assertThat(instance).isWaitingAt(REPORT_SCHOOL_ATTENDANCE, REPORT_FAMILY_SITUATION);
    Task schoolReport = task(REPORT_SCHOOL_ATTENDANCE);
    assertThat(schoolReport).hasCandidateGroup("schoolKoeln");
    assertThat(schoolReport.getDueDate()).isEqualTo(date(LocalDate.parse(CONFERENCE_DAY).minusDays(7).atStartOfDay()));
    Task familyReport = task(REPORT_FAMILY_SITUATION);
    assertThat(familyReport).hasCandidateGroup("youthWelfareKoeln");
    assertThat(familyReport.getDueDate()).isEqualTo(date(LocalDate.parse(CONFERENCE_DAY).minusDays(3).atStartOfDay()));

    complete(schoolReport, withVariables("schoolAttendance", "frequentlyAbsent", "unexcusedAbsenceDays", 12L,
        "schoolBehaviour", "Disrupts lessons"));
    assertThat(instance).isWaitingAt(REPORT_FAMILY_SITUATION).isNotWaitingAt(REPORT_SCHOOL_ATTENDANCE, HOLD_CASE_CONFERENCE);
    complete(familyReport, withVariables("familySituationReport", "Single parent, overburdened"));

    // the conference agrees the plan
    assertThat(instance).isWaitingAt(HOLD_CASE_CONFERENCE);
    assertThat(task()).hasCandidateGroup("policeKoeln");
    assertThat(task().getDueDate()).isEqualTo(endOfDay(CONFERENCE_DAY));

    complete(task(), threeMeasurePlan());

    // one task per measure, each for its agency's district group, due on its day
    List<Task> measures = measureTasks(instance);
    assertThat(measures).hasSize(3);
    assertMeasure(measures, "Check attendance weekly", "schoolKoeln", "2026-04-30");
    assertMeasure(measures, "Anti-violence training", "counsellingKoeln", "2026-06-30T00:00:00.000+0200");
    assertMeasure(measures, "Follow-up talk with police youth officer", "policeKoeln", "2026-05-15");

    // timers: quarterly review, programme year, 18th birthday
    assertThat(job(QUARTERLY_REVIEW_DUE).getDuedate()).isEqualTo(date(NOW.plusMonths(3)));
    assertThat(job(PROGRAMME_YEAR_ENDED).getDuedate()).isEqualTo(date(NOW.plusYears(1)));

    // each measure keeps its own outcome
    Task first = measures.get(0);
    complete(first, withVariables(MEASURE_OUTCOME, "carriedOut"));
    assertThat(measureTasks(instance)).hasSize(2);
    assertThat(processEngine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey(MEASURE_OUTCOME);
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName(MEASURE_OUTCOME).list())
        .filteredOn(variable -> "carriedOut".equals(variable.getValue()))
        .singleElement()
        .satisfies(variable -> assertThat(variable.getActivityInstanceId()).isNotEqualTo(instance.getId()));

    // quarterly review closes the plan: open measures are cancelled
    ClockUtil.setCurrentTime(date(NOW.plusMonths(3)));
    execute(job(QUARTERLY_REVIEW_DUE));
    assertThat(instance).isWaitingAt(REVIEW_INTERVENTION_PLAN, CARRY_OUT_MEASURE);
    Task review = task(REVIEW_INTERVENTION_PLAN);
    assertThat(review).hasCandidateGroup("policeKoeln");
    assertThat(review.getDueDate()).isEqualTo(date(NOW.plusMonths(3).plusDays(14)));

    complete(review, withVariables(REVIEW_DECISION, "close", CLOSURE_REASON, "Goals reached"));

    assertThat(instance).isEnded().hasPassed(PLAN_CLOSED_BY_REVIEW, PROGRAMME_CLOSED_BY_REVIEW, CASE_CLOSED)
        .hasNotPassed(AGE_LIMIT_REACHED, PROGRAMME_ENDED);
  }

  @Test
  void quarterlyReview_continue_waitsForNextQuarter() {
    ProcessInstance instance = startIntensiveCaseWithConsent();
    reachInterventionPlan(instance, threeMeasurePlan());

    ClockUtil.setCurrentTime(date(NOW.plusMonths(3)));
    execute(job(QUARTERLY_REVIEW_DUE));
    complete(task(REVIEW_INTERVENTION_PLAN), withVariables(REVIEW_DECISION, "continue"));

    assertThat(instance).isWaitingAt(QUARTERLY_REVIEW_DUE, CARRY_OUT_MEASURE).isNotWaitingAt(REVIEW_INTERVENTION_PLAN);
    assertThat(job(QUARTERLY_REVIEW_DUE).getDuedate()).isEqualTo(date(NOW.plusMonths(6)));
    assertThat(measureTasks(instance)).hasSize(3);
  }

  @Test
  void quarterlyReview_unexpectedDecisionValue_continuesRatherThanClosing() {
    ProcessInstance instance = startIntensiveCaseWithConsent();
    reachInterventionPlan(instance, threeMeasurePlan());

    execute(job(QUARTERLY_REVIEW_DUE));
    complete(task(REVIEW_INTERVENTION_PLAN), withVariables(REVIEW_DECISION, ""));

    assertThat(instance).isWaitingAt(QUARTERLY_REVIEW_DUE);
  }

  @Test
  void eighteenthBirthday_endsProgrammeWhateverIsOpen() {
    VariableMap facts = facts("KOE-2026-000005", "koeln", 17, "violent", 1, true);
    facts.putValue(DATE_OF_BIRTH, "2008-05-10");
    ProcessInstance instance = start(facts);
    assertThat(instance).isWaitingAt(OBTAIN_PARENTAL_CONSENT);
    complete(task(), withVariables(PARENTAL_CONSENT, "given", "consentDate", "2026-03-03"));
    reachInterventionPlan(instance, threeMeasurePlan());

    Job ageLimit = job(EIGHTEENTH_BIRTHDAY_REACHED);
    assertThat(ageLimit.getDuedate()).isEqualTo(date(LocalDate.of(2026, 5, 10).atStartOfDay()));

    ClockUtil.setCurrentTime(date(LocalDate.of(2026, 5, 10).atStartOfDay()));
    execute(ageLimit);

    assertThat(instance).isEnded().hasPassed(AGE_LIMIT_REACHED).hasNotPassed(CASE_CLOSED);
    assertThat(measureTasks(instance)).isEmpty();
  }

  @Test
  void eighteenthBirthday_withoutDateOfBirth_isTheEarliestTheAgeAllows() {
    ProcessInstance instance = start(facts("KOE-2026-000006", "koeln", 16, "violent", 1, true));
    assertThat(instance).isWaitingAt(OBTAIN_PARENTAL_CONSENT);
    complete(task(), withVariables(PARENTAL_CONSENT, "given"));

    assertThat(job(EIGHTEENTH_BIRTHDAY_REACHED).getDuedate())
        .isEqualTo(date(NOW.toLocalDate().plusYears(1).plusDays(1).atStartOfDay()));
  }

  @Test
  void programmeYearEnds_extendedForSecondYear_newConference_thenEndsAfterMaximumYears() {
    ProcessInstance instance = startIntensiveCaseWithConsent();
    reachInterventionPlan(instance, threeMeasurePlan());

    LocalDateTime yearEnd = NOW.plusYears(1);
    ClockUtil.setCurrentTime(date(yearEnd));
    execute(job(PROGRAMME_YEAR_ENDED));

    assertThat(instance).isWaitingAt(DECIDE_PROGRAMME_EXTENSION).isNotWaitingAt(CARRY_OUT_MEASURE, QUARTERLY_REVIEW_DUE);
    assertThat(measureTasks(instance)).isEmpty();
    assertThat(task()).hasCandidateGroup("policeKoeln");
    assertThat(task().getDueDate()).isEqualTo(date(yearEnd.plusDays(14)));

    complete(task(), withVariables(PROGRAMME_EXTENSION, "extend", "extensionReason", "Progress, not yet stable"));

    // second year: a new conference and plan
    assertThat(instance).isWaitingAt(CONVENE_CASE_CONFERENCE).variables()
        .containsEntry(PROGRAMME_YEAR, 2)
        .containsEntry(PROGRAMME_YEAR_END_DATE, date(yearEnd.plusYears(1)));
    complete(task(), withVariables(CONFERENCE_DATE, "2027-03-15"));
    complete(task(REPORT_SCHOOL_ATTENDANCE), withVariables("schoolAttendance", "regular", "schoolBehaviour", "Calm"));
    complete(task(REPORT_FAMILY_SITUATION), withVariables("familySituationReport", "Stable"));
    complete(task(HOLD_CASE_CONFERENCE), withVariables(
        measureDescription(1), "Mentoring", measureAgency(1), "youthWelfare", measureDueDate(1), "2027-06-30",
        measureDescription(2), "", measureDescription(3), "", measureDescription(4), ""));
    assertThat(measureTasks(instance)).singleElement()
        .satisfies(measure -> assertThat(measure).hasCandidateGroup("youthWelfareKoeln"));
    assertThat(job(PROGRAMME_YEAR_ENDED).getDuedate()).isEqualTo(date(yearEnd.plusYears(1)));

    // end of the second year: no third year
    ClockUtil.setCurrentTime(date(yearEnd.plusYears(1)));
    execute(job(PROGRAMME_YEAR_ENDED));

    assertThat(instance).isEnded().hasPassed(MAXIMUM_YEARS_REACHED, CASE_CLOSED);
  }

  @Test
  void programmeYearEnds_extensionDeclined_programmeEnds() {
    ProcessInstance instance = startIntensiveCaseWithConsent();
    reachInterventionPlan(instance, threeMeasurePlan());

    execute(job(PROGRAMME_YEAR_ENDED));
    complete(task(DECIDE_PROGRAMME_EXTENSION), withVariables(PROGRAMME_EXTENSION, "end", "extensionReason", "Goals reached"));

    assertThat(instance).isEnded().hasPassed(PROGRAMME_ENDED, CASE_CLOSED).hasNotPassed(AGE_LIMIT_REACHED);
  }

  // --- repeat offender -----------------------------------------------------------------------------

  @Test
  void repeatOffender_conferenceWithoutConsent_noSchoolReportIfNotAtSchool_measuresAndQuarterlyReview() {
    ProcessInstance instance = start(facts("BN-2026-000007", "bonn", 16, "other", 6L, false));

    assertThat(instance).isWaitingAt(CONVENE_CASE_CONFERENCE).hasNotPassed(OBTAIN_PARENTAL_CONSENT)
        .variables().containsEntry(TRACK, "repeatOffender");
    assertThat(task()).hasCandidateGroup("policeBonn");
    assertThat(task().getPriority()).as("repeat offender").isEqualTo(70);

    complete(task(), withVariables(CONFERENCE_DATE, CONFERENCE_DAY));
    assertThat(instance).isWaitingAt(REPORT_FAMILY_SITUATION).isNotWaitingAt(REPORT_SCHOOL_ATTENDANCE);
    assertThat(task()).hasCandidateGroup("youthWelfareBonn");
    complete(task(), withVariables("familySituationReport", "Known to youth welfare"));

    assertThat(instance).isWaitingAt(HOLD_CASE_CONFERENCE);
    complete(task(), threeMeasurePlan());

    List<Task> measures = measureTasks(instance);
    assertThat(measures).hasSize(3);
    assertMeasure(measures, "Check attendance weekly", "schoolBonn", "2026-04-30");
    assertThat(job(QUARTERLY_REVIEW_DUE).getDuedate()).isEqualTo(date(NOW.plusMonths(3)));

    execute(job(QUARTERLY_REVIEW_DUE));
    assertThat(task(REVIEW_INTERVENTION_PLAN)).hasCandidateGroup("policeBonn");
  }

  // --- start data ----------------------------------------------------------------------------------

  @Test
  void unknownDistrict_startFails() {
    assertThatThrownBy(() -> start(facts("KOE-2026-000008", "atlantis", 15, "property", 1, true)))
        .isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void sameCaseReferenceTwice_secondStartFails() {
    assertThat(start(facts("KOE-2026-000009", "koeln", 15, "property", 1, true))).isActive();

    assertThatThrownBy(() -> start(facts("KOE-2026-000009", "koeln", 15, "property", 1, true)))
        .isInstanceOf(ProcessEngineException.class);
  }

  // --- helpers -------------------------------------------------------------------------------------

  private ProcessInstance startIntensiveCaseWithConsent() {
    // form-js number fields may arrive as Double
    VariableMap facts = facts("KOE-2026-000004", "koeln", 15.0, "property", 3.0, true);
    facts.putValue(DATE_OF_BIRTH, "2010-09-15");
    ProcessInstance instance = start(facts);
    assertThat(instance).isWaitingAtExactly(OBTAIN_PARENTAL_CONSENT).variables().containsEntry(TRACK, "intensive");
    complete(task(), withVariables(PARENTAL_CONSENT, "given", "consentDate", "2026-03-02"));
    return instance;
  }

  private void reachInterventionPlan(ProcessInstance instance, Map<String, Object> plan) {
    complete(task(CONVENE_CASE_CONFERENCE), withVariables(CONFERENCE_DATE, CONFERENCE_DAY));
    complete(task(REPORT_SCHOOL_ATTENDANCE), withVariables("schoolAttendance", "regular", "schoolBehaviour", "Calm"));
    complete(task(REPORT_FAMILY_SITUATION), withVariables("familySituationReport", "Stable"));
    complete(task(HOLD_CASE_CONFERENCE), plan);
    assertThat(instance).isWaitingAt(CARRY_OUT_MEASURE, QUARTERLY_REVIEW_DUE);
  }

  private static Map<String, Object> threeMeasurePlan() {
    return withVariables(
        measureDescription(1), "Check attendance weekly", measureAgency(1), "school", measureDueDate(1), "2026-04-30",
        measureDescription(2), "Anti-violence training", measureAgency(2), "counselling",
        measureDueDate(2), "2026-06-30T00:00:00.000+0200",
        measureDescription(3), "",
        measureDescription(4), "Follow-up talk with police youth officer", measureAgency(4), "police",
        measureDueDate(4), "2026-05-15");
  }

  private void assertMeasure(List<Task> measures, String description, String group, String dueDay) {
    Task measure = measures.stream()
        .filter(task -> description.equals(processEngine.getTaskService().getVariable(task.getId(), MEASURE_DESCRIPTION)))
        .findFirst().orElseThrow(() -> new AssertionError("no measure task '" + description + "'"));
    assertThat(measure).hasCandidateGroup(group);
    List<String> groups = processEngine.getTaskService().getIdentityLinksForTask(measure.getId()).stream()
        .map(IdentityLink::getGroupId).toList();
    assertThat(groups).containsExactly(group);
    String day = new YoungOffenderDates(CALENDAR).toLocalDate(dueDay).toString();
    assertThat(measure.getDueDate()).isEqualTo(endOfDay(day));
    assertThat(processEngine.getTaskService().getVariableLocal(measure.getId(), MEASURE_DUE_DATE)).isEqualTo(day);
    assertThat(processEngine.getRuntimeService().getVariablesLocal(measure.getExecutionId()))
        .containsKeys(MEASURE_OUTCOME, "measureNotes");
  }

  private List<Task> measureTasks(ProcessInstance instance) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(CARRY_OUT_MEASURE).list();
  }

  private ProcessInstance start(VariableMap variables) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(YoungOffenderCoordination.PROCESS_KEY, variables);
  }

  /** The start form's variables; social risk factors: the first two ticked, the others unticked. */
  private static VariableMap facts(String reference, String district, Number age, String category, Number offences,
      boolean attendsSchool) {
    VariableMap variables = Variables.createVariables()
        .putValue(CASE_REFERENCE, reference)
        .putValue(DISTRICT, district)
        .putValue(AGE, age)
        .putValue(OFFENCE_CATEGORY, category)
        .putValue(OFFENCES_LAST_12_MONTHS, offences)
        .putValue(ATTENDS_SCHOOL, attendsSchool);
    for (int i = 0; i < RISK_FACTORS.size(); i++) {
      variables.putValue(RISK_FACTORS.get(i), i < 2);
    }
    return variables;
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  private static Date endOfDay(String day) {
    return date(LocalDate.parse(day).plusDays(1).atStartOfDay().minusNanos(1_000_000));
  }

}
