package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.ASSESS_CHILD_RISK;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.NOTIFY_SCHOOLS;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.AWAIT_BAN_END;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.AWAIT_COURT_DECISION;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.CASE_CLOSED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.CHECK_BAN_COMPLIANCE;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.CLOSE_CASE;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.CONTACT_VICTIM_PROACTIVELY;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.EXTENDED_BAN_EXPIRED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.JOIN_MEASURES;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.OBSERVE_CHILD;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.REFER_TO_CASE_CONFERENCE;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements.RESPOND_TO_BAN_VIOLATION;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_ENDS_AT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_VIOLATED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_VIOLATION_MEASURES;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CASE_REFERENCE;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CASE_SUMMARY;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CHILD_AGES;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CHILD_COUNT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CHILD_RISK_OUTCOME;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.COUNSELLING_CONTACT_OUTCOME;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.DISTRICT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.EXPULSION_ORDER_DATE_TIME;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.EXPULSION_ORDER_ISSUED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.OPERATION_DATE_TIME;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.PROFESSIONAL_JUDGEMENT_HIGH_RISK;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.PROTECTION_ORDER_APPLIED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_INDICATORS;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.OBSERVED_CHILD_AGE_AND_CLASS;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.OBSERVED_CHILD_FIRST_NAME;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_LEVEL;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.VICTIM_NAME;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.PERSON_PSEUDONYM;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.REPEAT_REFERRAL;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_LEVEL_LABEL;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_LEVEL_REASON;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.SCHOOL_CONCERNS_OBSERVED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.SCHOOL_OBSERVATION_REPORT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.SCHOOL_OBSERVATION_REQUEST;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.SCHOOL_OBSERVATION_REQUESTED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.STRANGULATION_ATTEMPTED;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.VICTIM_CONSENTS_TO_COUNSELLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.casefile.DuplicateCaseException;
import de.nrw.intervention.calendar.SchoolDays;
import de.nrw.intervention.conference.CaseConference;
import de.nrw.intervention.conference.ConferenceBeans;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Messages;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.SchoolChildSlots;
import de.nrw.intervention.schoolnotice.SchoolNotice;
import de.nrw.intervention.schoolobservation.NameObservedChildListener;
import de.nrw.intervention.schoolobservation.SchoolObservation;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.ClassPathResource;

/**
 * Path tests. Start variables use the types Tasklist sends from the start form: numbers as Long or Double,
 * checkboxes as Boolean, date-times as ISO strings with offset. The forms are deployed too, so the engine's
 * form parser accepts them.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
    "domestic-violence-intervention.bpmn", "district-routing.dmn", "domestic-violence-risk-level.dmn",
    "domestic-violence-deadlines.dmn", "start-domestic-violence-intervention.form", "contact-victim-proactively.form",
    "assess-child-risk.form", "school-observation.bpmn", "observe-child.form", "check-ban-compliance.form", "respond-to-ban-violation.form",
    "close-case.form", "school-notice.bpmn", "school-notice-deadlines.dmn", "acknowledge-school-notice.form",
    "follow-up-unacknowledged-notice.form", "take-note-of-unacknowledged-notice.form",
    "conference-case.bpmn", "prepare-case-conference.form", "record-conference-result.form",
    "carry-out-conference-action.form"})
class DomesticViolenceInterventionProcessTest {

  /** Police operation and expulsion order late in the evening; the case is recorded an hour later. */
  private static final String ORDER = "2026-03-10T22:30+01:00";
  private static final Date NOW = date("2026-03-10T23:30+01:00");
  private static final Date BAN_END = date("2026-03-21T00:00+01:00");
  /** 10 more days run across the change to summer time on 29 March. */
  private static final Date LATEST_EXTENDED_BAN_END = date("2026-03-31T00:00+02:00");

  ProcessEngine processEngine;

  @BeforeEach
  void registerBeansAndFreezeClock() {
    Mocks.register("caseReferenceListener", new CaseReferenceListener());
    Mocks.register("nameObservedChildListener", new NameObservedChildListener());
    CaseDates caseDates = new CaseDates(new PlatformCalendar(ZoneId.of("Europe/Berlin")));
    Mocks.register("caseDates", caseDates);
    Mocks.register("planBanPeriodListener", new PlanBanPeriodListener(caseDates));
    Mocks.register("caseConferenceParticipants", new CaseConferenceParticipants());
    Mocks.register("schoolNotices", new SchoolNotices());
    Mocks.register("prepareSchoolNoticeListener", new PrepareSchoolNoticeListener(caseDates));
    Mocks.register("schoolDays", SchoolDays.read(new ClassPathResource("school-calendar/nrw.yaml"),
        ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0)));
    ConferenceBeans.register();
    ClockUtil.setCurrentTime(NOW);
  }

  @AfterEach
  void resetBeansAndClock() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void standardRisk_withoutChildrenConsentOrOrder_goesStraightToCloseCase() {
    ProcessInstance instance = start(operation());

    assertThat(instance).isWaitingAtExactly(CLOSE_CASE).variables().containsEntry(RISK_LEVEL, "standard");
    assertThat(task(instance)).hasCandidateGroup("policeKoeln").hasDueDate(inDays(7));
    assertThat(task(instance).getPriority()).as("standard risk: the engine's default priority").isEqualTo(50);
    assertOnlyGroup("policeKoeln");

    complete(task(instance), withVariables(CASE_SUMMARY, "Advice given, no further measures."));

    assertThat(instance).isEnded().hasPassed(CASE_CLOSED);
  }

  @Test
  void start_bonn_routesEveryTaskToBonnOnly() {
    ProcessInstance instance = start(operation().putValue(DISTRICT, "bonn").putValue(CASE_REFERENCE, "BN-2026-000815"));

    assertThat(instance).isWaitingAtExactly(CLOSE_CASE).hasBusinessKey("BN-2026-000815");
    assertThat(task(instance)).hasCandidateGroup("policeBonn");
    assertThat(taskQuery().taskCandidateGroup("policeKoeln").count()).isZero();
  }

  @Test
  void start_policeReferenceWithSpaceAndSlash_isStoredExactlyAsTyped() {
    ProcessInstance instance = start(operation().putValue(CASE_REFERENCE, "VG 2026/004712"));

    assertThat(instance).hasBusinessKey("VG 2026/004712").variables().containsEntry(CASE_REFERENCE, "VG 2026/004712");
  }

  @Test
  void start_riskLevelLabel_isTheGermanLabelOfTheRiskLevel() {
    ProcessInstance standard = start(operation());
    ProcessInstance high = start(operation().putValue(CASE_REFERENCE, "KOE-2026-000816").putValue(STRANGULATION_ATTEMPTED, true));

    assertThat(standard).variables().containsEntry(RISK_LEVEL_LABEL, "Standardrisiko");
    assertThat(high).variables().containsEntry(RISK_LEVEL, "high").containsEntry(RISK_LEVEL_LABEL, "hohes Risiko");
  }

  @Test
  void start_sameOpenReferenceTwice_isRefused() {
    start(operation());

    assertThatThrownBy(() -> start(operation())).isInstanceOf(DuplicateCaseException.class);
  }

  @Test
  void victimConsents_createsProactiveContactForCounsellingCentre_dueInThreeDays() {
    ProcessInstance instance = start(operation().putValue(VICTIM_CONSENTS_TO_COUNSELLING, true)
        .putValue("victimName", "A. Example").putValue("victimPhone", "0221 000000"));

    assertThat(instance).isWaitingAtExactly(CONTACT_VICTIM_PROACTIVELY);
    assertThat(task(instance)).hasCandidateGroup("counsellingKoeln").hasDueDate(inDays(3));
    assertOnlyGroup("counsellingKoeln");
  }

  @Test
  void contactVictimProactively_outcomeRecorded_leadsToCloseCase() {
    ProcessInstance instance = start(operation().putValue(VICTIM_CONSENTS_TO_COUNSELLING, true));

    complete(task(instance), withVariables(COUNSELLING_CONTACT_OUTCOME, "declined"));

    assertThat(instance).isWaitingAtExactly(CLOSE_CASE).variables().containsEntry(COUNSELLING_CONTACT_OUTCOME, "declined");
    assertThat(task(instance)).hasCandidateGroup("policeKoeln");
  }

  @Test
  void children_standardRisk_youthWelfareAssessesWithinThreeDays() {
    ProcessInstance instance = start(operation().putValue(CHILD_COUNT, 2L).putValue(CHILD_AGES, "4, 9"));

    assertThat(instance).isWaitingAtExactly(ASSESS_CHILD_RISK);
    assertThat(task(instance)).hasCandidateGroup("youthWelfareKoeln").hasDueDate(inDays(3));
    assertOnlyGroup("youthWelfareKoeln");
  }

  @Test
  void schoolAgeChildren_withALegalBasis_eachSchoolGetsANoticeDueAtTheNextSchoolStart_withoutNone() {
    VariableMap variables = operation().putValue(CHILD_COUNT, 3L).putValue(CHILD_AGES, "4, 7, 12");
    schoolChild(variables, 1, "Lena", "Grundschule Am Rhein, Klasse 2a", "yes", "parentalConsent");
    schoolChild(variables, 2, "Tim", "Gesamtschule Nord, Klasse 6c", "no", "youthWelfareDecision");
    ProcessInstance instance = start(variables);

    List<ProcessInstance> notices = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SchoolNotice.PROCESS_KEY).superProcessInstanceId(instance.getId()).list();
    assertThat(notices).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("KOE-2026-004711/1", "KOE-2026-004711/2");
    ProcessInstance lena = notices.stream().filter(notice -> notice.getBusinessKey().endsWith("/1")).findFirst().orElseThrow();
    assertThat(processEngine.getRuntimeService().getVariables(lena.getId())).containsEntry("noticeChildFirstName", "Lena")
        .containsEntry("noticeChildSchool", "Grundschule Am Rhein, Klasse 2a").containsEntry("childPresent", "yes")
        .containsEntry("policeAttendedOn", "2026-03-10").containsEntry("noticeLegalBasis", "parentalConsent")
        .doesNotContainKeys(VICTIM_NAME, CHILD_AGES, CHILD_COUNT, "schoolChild2FirstName", RISK_LEVEL);
    Task schoolTask = taskQuery().processInstanceId(lena.getId()).singleResult();
    // Tuesday 23:30: the notice is due at Wednesday's first lesson.
    assertThat(schoolTask).hasCandidateGroup("schoolKoeln").hasDueDate(date("2026-03-11T08:00+01:00"));
    assertOpenTasks(instance, ASSESS_CHILD_RISK);

    complete(schoolTask);
    complete(taskQuery().processInstanceId(notices.get(0) == lena ? notices.get(1).getId() : notices.get(0).getId())
        .singleResult());
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SchoolNotice.PROCESS_KEY).count()).isZero();
    assertThat(instance).hasPassed(NOTIFY_SCHOOLS);
  }

  @Test
  void schoolAgeChild_withoutALegalBasis_orWithoutChildren_noNotice() {
    VariableMap variables = operation().putValue(CHILD_COUNT, 1L).putValue(CHILD_AGES, "8");
    schoolChild(variables, 1, "Lena", "Grundschule Am Rhein, Klasse 2a", "yes", "none");
    ProcessInstance withoutBasis = start(variables);
    assertOpenTasks(withoutBasis, ASSESS_CHILD_RISK);

    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SchoolNotice.PROCESS_KEY).count()).isZero();
    assertThat(withoutBasis).hasNotPassed(NOTIFY_SCHOOLS);
  }

  @Test
  void riskLevelChangedWhileTasksAreOpen_theirPriorityFollows() {
    ProcessInstance instance = start(operation());
    assertThat(task(instance).getPriority()).isEqualTo(50);

    processEngine.getRuntimeService().setVariable(instance.getId(), RISK_LEVEL, "high");
    assertThat(task(instance).getPriority()).isEqualTo(80);

    processEngine.getRuntimeService().setVariable(instance.getId(), RISK_LEVEL, "standard");
    assertThat(task(instance).getPriority()).as("back to the model's priority").isEqualTo(50);
  }

  @Test
  void children_highRisk_youthWelfareAssessesWithinOneDay() {
    ProcessInstance instance = start(operation().putValue(CHILD_COUNT, 1.0d).putValue(STRANGULATION_ATTEMPTED, true));

    assertThat(instance).isWaitingAtExactly(ASSESS_CHILD_RISK, REFER_TO_CASE_CONFERENCE)
        .variables().containsEntry(RISK_LEVEL, "high");
    assertThat(task(ASSESS_CHILD_RISK, instance)).hasCandidateGroup("youthWelfareKoeln").hasDueDate(inDays(1));
    assertThat(taskQuery().processInstanceId(instance.getId()).list()).as("high risk: every task above standard")
        .extracting(Task::getPriority).containsOnly(80);
  }

  @Test
  void start_restClientSendsIntegerAndStringValues_opensTheSameMeasures() {
    ProcessInstance instance = start(operation().putValue(CHILD_COUNT, 1).putValue(VICTIM_CONSENTS_TO_COUNSELLING, "true")
        .putValue(STRANGULATION_ATTEMPTED, "true"));

    assertThat(instance).isWaitingAtExactly(CONTACT_VICTIM_PROACTIVELY, ASSESS_CHILD_RISK, REFER_TO_CASE_CONFERENCE)
        .variables().containsEntry(RISK_LEVEL, "high");
  }

  @Test
  void assessChildRisk_schoolToObserve_createsObservationTaskForSchoolContact() {
    ProcessInstance instance = start(operation().putValue(CHILD_COUNT, 1L));

    complete(task(instance), withVariables(CHILD_RISK_OUTCOME, "supportOffered", SCHOOL_OBSERVATION_REQUESTED, true,
        OBSERVED_CHILD_FIRST_NAME, "Lena", OBSERVED_CHILD_AGE_AND_CLASS, "9 Jahre, Klasse 3b",
        SCHOOL_OBSERVATION_REQUEST, "Attendance and behaviour after the holidays"));

    // the school works in the neutral called process, which holds only what the request gives it
    assertThat(instance).isWaitingAtExactly(OBSERVE_CHILD);
    ProcessInstance observation = calledProcessInstance(instance);
    assertThat(observation).hasProcessDefinitionKey(SchoolObservation.PROCESS_KEY).hasBusinessKey("KOE-2026-004711")
        .isWaitingAtExactly(SchoolObservation.Elements.OBSERVE_CHILD);
    assertThat(processEngine.getRuntimeService().getVariables(observation.getId()).keySet()).as("data minimised")
        .containsAll(SchoolObservation.Variables.IN).contains("schoolGroup")
        .hasSize(SchoolObservation.Variables.IN.size() + 1);
    Task school = task(observation);
    assertThat(school).hasCandidateGroup("schoolKoeln").hasDueDate(inDays(14))
        .hasName("Kind beobachten: Lena (9 Jahre, Klasse 3b)");
    assertOnlyGroup("schoolKoeln");

    complete(school, withVariables(SCHOOL_CONCERNS_OBSERVED, false, SCHOOL_OBSERVATION_REPORT, "Attends regularly."));

    assertThat(observation).isEnded();
    assertThat(instance).isWaitingAtExactly(CLOSE_CASE).variables()
        .containsEntry(SCHOOL_OBSERVATION_REPORT, "Attends regularly.").containsEntry(SCHOOL_CONCERNS_OBSERVED, false);
  }

  @Test
  void assessChildRisk_noSchoolInvolvement_leadsToCloseCase() {
    ProcessInstance instance = start(operation().putValue(CHILD_COUNT, 1L));

    complete(task(instance), withVariables(CHILD_RISK_OUTCOME, "noRisk", SCHOOL_OBSERVATION_REQUESTED, false));

    assertThat(instance).isWaitingAtExactly(CLOSE_CASE).hasNotPassed(OBSERVE_CHILD);
  }

  @Test
  void expulsionOrder_policeCheckComplianceDueThreeDaysAfterOrder_andBanRunsTenDays() {
    ProcessInstance instance = start(withOrder());

    assertThat(instance).isWaitingAtExactly(CHECK_BAN_COMPLIANCE, AWAIT_BAN_END)
        .variables().containsEntry(BAN_ENDS_AT, BAN_END);
    assertThat(task(instance)).hasCandidateGroup("policeKoeln").hasDueDate(date("2026-03-13T22:30+01:00"));
    assertThat(job(instance)).hasDueDate(BAN_END);
  }

  @Test
  void checkBanCompliance_respected_createsNoViolationResponse() {
    ProcessInstance instance = start(withOrder());

    complete(task(instance), withVariables(BAN_VIOLATED, false));

    assertThat(instance).isWaitingAt(AWAIT_BAN_END).hasNotPassed(RESPOND_TO_BAN_VIOLATION);
    assertOpenTasks(instance);
  }

  @Test
  void checkBanCompliance_violation_createsViolationResponseTaskDueInOneDay() {
    ProcessInstance instance = start(withOrder());
    ClockUtil.setCurrentTime(date("2026-03-12T18:00+01:00"));

    complete(task(instance), withVariables(BAN_VIOLATED, true));

    assertThat(instance).isWaitingAtExactly(RESPOND_TO_BAN_VIOLATION, AWAIT_BAN_END);
    assertThat(task(instance)).hasCandidateGroup("policeKoeln").hasDueDate(date("2026-03-13T18:00+01:00"));

    complete(task(instance), withVariables(BAN_VIOLATION_MEASURES, "custody"));

    assertThat(instance).isWaitingAt(AWAIT_BAN_END);
    assertOpenTasks(instance);
  }

  @Test
  void banTimer_endOfTenthDay_endsBanAndLeadsToCloseCase() {
    ProcessInstance instance = start(withOrder());
    complete(task(instance), withVariables(BAN_VIOLATED, false));
    ClockUtil.setCurrentTime(BAN_END);

    execute(job(instance));

    assertThat(instance).hasPassed(DomesticViolenceIntervention.Elements.BAN_EXPIRED).isWaitingAtExactly(CLOSE_CASE);
  }

  @Test
  void protectionOrderApplied_message_extendsBanUntilCourtDecides() {
    ProcessInstance instance = start(withOrder());

    processEngine.getRuntimeService().createMessageCorrelation(Messages.PROTECTION_ORDER_APPLIED)
        .processInstanceBusinessKey("KOE-2026-004711").correlate();

    assertThat(instance).isWaitingAtExactly(CHECK_BAN_COMPLIANCE, AWAIT_COURT_DECISION)
        .variables().containsEntry(PROTECTION_ORDER_APPLIED, true);
    assertThat(job(instance)).hasDueDate(LATEST_EXTENDED_BAN_END);
  }

  @Test
  void familyCourtDecided_message_endsExtendedBanEarly() {
    ProcessInstance instance = start(withOrder());
    complete(task(instance), withVariables(BAN_VIOLATED, false));
    correlate(Messages.PROTECTION_ORDER_APPLIED);

    correlate(Messages.FAMILY_COURT_DECIDED);

    assertThat(instance).hasPassed(DomesticViolenceIntervention.Elements.FAMILY_COURT_DECIDED)
        .isWaitingAtExactly(CLOSE_CASE);
    assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
  }

  @Test
  void checkBanCompliance_protectionOrderRecorded_extendsBanUntilLatestEnd() {
    ProcessInstance instance = start(withOrder());

    complete(task(instance), withVariables(BAN_VIOLATED, false, PROTECTION_ORDER_APPLIED, true));

    assertThat(instance).hasPassed(DomesticViolenceIntervention.Elements.PROTECTION_ORDER_APPLICATION_RECORDED)
        .isWaitingAt(AWAIT_COURT_DECISION);
    assertOpenTasks(instance);
    assertThat(job(instance)).hasDueDate(LATEST_EXTENDED_BAN_END);

    ClockUtil.setCurrentTime(LATEST_EXTENDED_BAN_END);
    execute(job(instance));

    assertThat(instance).hasPassed(EXTENDED_BAN_EXPIRED).isWaitingAtExactly(CLOSE_CASE);
  }

  @Test
  void contactVictimProactively_protectionOrderRecorded_extendsBan() {
    ProcessInstance instance = start(withOrder().putValue(VICTIM_CONSENTS_TO_COUNSELLING, true));

    complete(task(CONTACT_VICTIM_PROACTIVELY, instance),
        withVariables(COUNSELLING_CONTACT_OUTCOME, "reached", PROTECTION_ORDER_APPLIED, true));

    assertThat(instance).isWaitingAt(CHECK_BAN_COMPLIANCE, AWAIT_COURT_DECISION, JOIN_MEASURES);
    assertOpenTasks(instance, CHECK_BAN_COMPLIANCE);
  }

  @Test
  void highRisk_refersTheCaseToItsDistrictsCaseConference_withTheAgenciesWorkingIt() {
    ProcessInstance instance = start(operation().putValue(PROFESSIONAL_JUDGEMENT_HIGH_RISK, true)
        .putValue(CHILD_COUNT, 1L).putValue(VICTIM_CONSENTS_TO_COUNSELLING, true));

    assertThat(instance).isWaitingAt(REFER_TO_CASE_CONFERENCE);
    ProcessInstance referral = calledProcessInstance(CaseConference.CASE_PROCESS_KEY, instance);
    assertThat(referral).hasBusinessKey("KOE-2026-004711").isWaitingAt(CaseConference.Elements.AWAIT_CONFERENCE);
    assertThat(processEngine.getRuntimeService().getVariables(referral.getId()))
        .containsEntry(CaseConference.Variables.CONFERENCE_AGENCIES, "policeKoeln,youthWelfareKoeln,counsellingKoeln")
        .containsEntry(CaseConference.Variables.REFERRAL_REASON, "fachliche Einschätzung")
        .containsEntry(CaseConference.Variables.REPEAT_REFERRAL, false)
        .containsEntry(RISK_LEVEL, "high")
        .doesNotContainKeys("victimName", "victimPhone", "victimAddress", "childAges", "householdAddress",
            STRANGULATION_ATTEMPTED, "threatsToKill");
  }

  @Test
  void highRisk_withoutChildrenOrConsent_onlyPoliceAreAtTheCasesConference() {
    ProcessInstance instance = start(operation().putValue(STRANGULATION_ATTEMPTED, true));

    assertThat(processEngine.getRuntimeService().getVariable(
        calledProcessInstance(CaseConference.CASE_PROCESS_KEY, instance).getId(),
        CaseConference.Variables.CONFERENCE_AGENCIES)).isEqualTo("policeKoeln");
  }

  @Test
  void repeatReferral_withinTwelveMonths_isFlaggedAndRaisesTheRiskLevel() {
    ProcessInstance first = start(operation().putValue(STRANGULATION_ATTEMPTED, true).putValue(PERSON_PSEUDONYM, "a1b2"));
    processEngine.getRuntimeService().deleteProcessInstance(first.getId(), "test: the first case has ended");
    ClockUtil.setCurrentTime(date("2027-02-01T10:00+01:00"));

    ProcessInstance again = start(operation().putValue(CASE_REFERENCE, "KOE-2027-000101").putValue(PERSON_PSEUDONYM, "a1b2"));

    assertThat(again).variables().containsEntry(REPEAT_REFERRAL, true).containsEntry(RISK_LEVEL, "high")
        .containsEntry(RISK_LEVEL_REASON, "wiederholte Anmeldung innerhalb von 12 Monaten");
    assertThat(processEngine.getRuntimeService().getVariable(
        calledProcessInstance(CaseConference.CASE_PROCESS_KEY, again).getId(), CaseConference.Variables.REPEAT_REFERRAL))
        .isEqualTo(true);
  }

  @Test
  void repeatReferral_afterTwelveMonths_orAnotherPerson_isNoRepeat() {
    ProcessInstance first = start(operation().putValue(STRANGULATION_ATTEMPTED, true).putValue(PERSON_PSEUDONYM, "a1b2"));
    processEngine.getRuntimeService().deleteProcessInstance(first.getId(), "test: the first case has ended");

    ProcessInstance otherPerson = start(operation().putValue(CASE_REFERENCE, "KOE-2026-000102")
        .putValue(PERSON_PSEUDONYM, "c3d4"));
    ClockUtil.setCurrentTime(date("2027-03-11T10:00+01:00"));
    ProcessInstance aYearLater = start(operation().putValue(CASE_REFERENCE, "KOE-2027-000103")
        .putValue(PERSON_PSEUDONYM, "a1b2"));

    assertThat(otherPerson).variables().containsEntry(REPEAT_REFERRAL, false).containsEntry(RISK_LEVEL, "standard");
    assertThat(aYearLater).variables().containsEntry(REPEAT_REFERRAL, false).containsEntry(RISK_LEVEL, "standard");
  }

  @Test
  void closeCase_waitsUntilEveryBranchHasEnded() {
    ProcessInstance instance = start(withOrder().putValue(VICTIM_CONSENTS_TO_COUNSELLING, true).putValue(CHILD_COUNT, 3L));

    complete(task(CONTACT_VICTIM_PROACTIVELY, instance), withVariables(COUNSELLING_CONTACT_OUTCOME, "reached"));
    complete(task(ASSESS_CHILD_RISK, instance), withVariables(CHILD_RISK_OUTCOME, "noRisk"));
    complete(task(CHECK_BAN_COMPLIANCE, instance), withVariables(BAN_VIOLATED, false));
    assertThat(instance).isWaitingAt(AWAIT_BAN_END, JOIN_MEASURES);
    assertOpenTasks(instance);

    ClockUtil.setCurrentTime(BAN_END);
    execute(job(instance));

    assertThat(instance).isWaitingAtExactly(CLOSE_CASE);
    complete(task(instance), withVariables(CASE_SUMMARY, "Ban kept; victim supported; no risk to the children."));
    assertThat(instance).isEnded();
  }

  private ProcessInstance start(VariableMap variables) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(DomesticViolenceIntervention.PROCESS_KEY,
        variables);
  }

  private void correlate(String message) {
    processEngine.getRuntimeService().createMessageCorrelation(message)
        .processInstanceBusinessKey("KOE-2026-004711").correlate();
  }

  /** A standard-risk operation in Köln: no order, no children, no consent, every checklist answer "no". */
  private static VariableMap operation() {
    VariableMap variables = Variables.createVariables()
        .putValue(CASE_REFERENCE, "KOE-2026-004711")
        .putValue(DISTRICT, "koeln")
        .putValue(OPERATION_DATE_TIME, "2026-03-10T21:45+01:00")
        .putValue(EXPULSION_ORDER_ISSUED, false)
        .putValue(CHILD_COUNT, 0L)
        .putValue(VICTIM_CONSENTS_TO_COUNSELLING, false)
        .putValue(PROFESSIONAL_JUDGEMENT_HIGH_RISK, false);
    RISK_INDICATORS.forEach(indicator -> variables.putValue(indicator, false));
    return variables;
  }

  private static void schoolChild(VariableMap variables, int slot, String firstName, String school, String present,
      String legalBasis) {
    variables.putValue(SchoolChildSlots.firstName(slot), firstName).putValue(SchoolChildSlots.school(slot), school)
        .putValue(SchoolChildSlots.present(slot), present).putValue(SchoolChildSlots.legalBasis(slot), legalBasis);
  }

  private static VariableMap withOrder() {
    return operation().putValue(EXPULSION_ORDER_ISSUED, true).putValue(EXPULSION_ORDER_DATE_TIME, ORDER);
  }

  /** The user tasks open in the case; join gateways also count as wait states, so isWaitingAtExactly won't do. */
  private static void assertOpenTasks(ProcessInstance instance, String... taskDefinitionKeys) {
    assertThat(taskQuery().processInstanceId(instance.getId()).list()).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(taskDefinitionKeys);
  }

  private static void assertOnlyGroup(String group) {
    for (String other : List.of("policeKoeln", "youthWelfareKoeln", "schoolKoeln", "counsellingKoeln",
        "policeSupervisorKoeln", "policeBonn")) {
      if (!other.equals(group)) {
        assertThat(taskQuery().taskCandidateGroup(other).count()).as("tasks for " + other).isZero();
      }
    }
  }

  private static Date inDays(int days) {
    return Date.from(NOW.toInstant().plus(Duration.ofDays(days)));
  }

  private static Date date(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }
}
