package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Elements.AWAIT_CONFERENCE;
import static de.nrw.intervention.conference.CaseConference.Elements.CARRY_OUT_ACTION;
import static de.nrw.intervention.conference.CaseConference.Elements.CASE_LEFT_AGENDA;
import static de.nrw.intervention.conference.CaseConference.Elements.CLOSED_BY_CONFERENCE;
import static de.nrw.intervention.conference.CaseConference.Elements.CONFERENCE_CANCELLED;
import static de.nrw.intervention.conference.CaseConference.Elements.CONFERENCE_HELD;
import static de.nrw.intervention.conference.CaseConference.Elements.HOLD_CASE_CONFERENCE;
import static de.nrw.intervention.conference.CaseConference.Elements.PREPARE_CASE_CONFERENCE;
import static de.nrw.intervention.conference.CaseConference.Elements.RECORD_CONFERENCE_RESULT;
import static de.nrw.intervention.conference.CaseConference.Variables.AGENDA;
import static de.nrw.intervention.conference.CaseConference.Variables.AGENDA_CASE_COUNT;
import static de.nrw.intervention.conference.CaseConference.Variables.CASE_REFERENCE;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_AGENCIES;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DATE_TIME;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DECISION;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_LOCATION;
import static de.nrw.intervention.conference.CaseConference.Variables.DISTRICT;
import static de.nrw.intervention.conference.CaseConference.Variables.PREPARATION_FINDINGS;
import static de.nrw.intervention.conference.CaseConference.Variables.PREPARATION_PROPOSAL;
import static de.nrw.intervention.conference.CaseConference.Variables.REFERRAL_REASON;
import static de.nrw.intervention.conference.CaseConference.Variables.REPEAT_REFERRAL;
import static de.nrw.intervention.conference.ConferenceFixture.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.nrw.intervention.casefile.InvalidCaseDataException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

/**
 * The district's conference series, ad-hoc conferences, the agenda, each agency's preparation, the coordinator's
 * result with its actions, and open actions that bring a case back. Cases are referred as the domestic-violence
 * process refers them (its call activity), here started directly.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"district-case-conference.bpmn", "conference-case.bpmn", "conference-series.bpmn",
    "district-routing.dmn", "start-district-case-conference.form", "hold-case-conference.form",
    "prepare-case-conference.form", "record-conference-result.form", "carry-out-conference-action.form"})
class CaseConferenceProcessTest {

  private static final String CASE_A = "KOE-2026-004711";
  private static final String CASE_B = "KOE-2026-004712";
  private static final String MEETING = "2026-03-20T10:00+01:00";

  ProcessEngine processEngine;

  @BeforeEach
  void registerBeansAndFreezeClock() {
    ConferenceFixture.registerBeans(ConferenceFixture.properties(Map.of("koeln",
        new ConferenceProperties.Series("Polizeipräsidium Köln, Raum 3.14", List.of("2026-03-17T10:00", "2026-04-21T10:00")))));
    ClockUtil.setCurrentTime(date("2026-03-10T23:30+01:00"));
  }

  @AfterEach
  void resetBeansAndClock() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void adHocConference_putsTheDistrictsWaitingCasesOnItsAgenda_andHoldsOnlyTheirReferences() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    ProcessInstance caseB = refer(CASE_B, "koeln", "policeKoeln,counsellingKoeln");
    ProcessInstance bonn = refer("BN-2026-000815", "bonn", "policeBonn");

    ProcessInstance conference = callConference("FK-KOELN-2026-03-20", MEETING);

    assertThat(conference).isWaitingAt(HOLD_CASE_CONFERENCE).variables()
        .containsEntry(AGENDA, CASE_A + ", " + CASE_B).containsEntry(AGENDA_CASE_COUNT, 2L);
    assertThat(taskQuery().processInstanceId(conference.getId()).singleResult()).hasCandidateGroup("policeKoeln")
        .hasDueDate(date("2026-03-20T23:59:59.999+01:00"));
    assertThat(processEngine.getRuntimeService().getVariables(conference.getId()).keySet())
        .as("the conference knows its cases by reference only")
        .containsExactlyInAnyOrder(CASE_REFERENCE, DISTRICT, CONFERENCE_DATE_TIME, CONFERENCE_LOCATION, AGENDA,
            AGENDA_CASE_COUNT, "policeGroup", "policeSupervisorGroup");
    assertThat(caseA).isWaitingAt(PREPARE_CASE_CONFERENCE);
    assertThat(caseB).isWaitingAt(PREPARE_CASE_CONFERENCE);
    assertThat(bonn).as("another district's case waits for its own conference").isWaitingAt(AWAIT_CONFERENCE);
  }

  @Test
  void preparation_eachAgencyAtTheCasesConference_dueThreeDaysBeforeTheMeeting() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    callConference("FK-KOELN-2026-03-20", MEETING);

    List<Task> preparations = preparations(caseA);

    assertThat(preparations).hasSize(2);
    assertThat(preparation(caseA, "policeKoeln")).hasDueDate(date("2026-03-17T10:00+01:00"));
    assertThat(preparation(caseA, "youthWelfareKoeln")).hasDueDate(date("2026-03-17T10:00+01:00"));
    assertThat(taskQuery().taskCandidateGroup("counsellingKoeln").count()).as("not at this case's conference").isZero();
  }

  @Test
  void preparationsDone_resultRecorded_eachActionBecomesATaskOfItsOwner_dueAtTheEndOfItsDeadlineDay() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    ProcessInstance conference = callConference("FK-KOELN-2026-03-20", MEETING);
    prepareAll(caseA);

    Task result = resultTask(caseA);
    assertThat(result).hasCandidateGroup("policeKoeln").hasDueDate(date("2026-03-20T23:59:59.999+01:00"));
    assertThat(processEngine.getTaskService().getVariables(result.getId()))
        .containsEntry("youthWelfareFindings", "Kinder bekannt, Familienhilfe läuft")
        .containsEntry(CONFERENCE_DECISION, null);

    complete(result, result(CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS)
        .putValue("action1Text", "Gefährderansprache durchführen").putValue("action1Owner", "police")
        .putValue("action1Deadline", "2026-03-27")
        .putValue("action2Text", "Hausbesuch mit Schutzplan").putValue("action2Owner", "youthWelfare")
        .putValue("action2Deadline", "2026-04-03"));

    List<Task> actions = taskQuery().processInstanceId(caseA.getId()).taskDefinitionKey(CARRY_OUT_ACTION).list();
    assertThat(actions).hasSize(2);
    Task police = taskQuery().processInstanceId(caseA.getId()).taskDefinitionKey(CARRY_OUT_ACTION)
        .taskCandidateGroup("policeKoeln").singleResult();
    assertThat(police).hasDueDate(date("2026-03-27T23:59:59.999+01:00"));
    assertThat(processEngine.getTaskService().getVariables(police.getId()))
        .containsEntry("actionText", "Gefährderansprache durchführen")
        .containsEntry("actionAgreedAt", "FK-KOELN-2026-03-20");
    assertThat(taskQuery().processInstanceId(caseA.getId()).taskDefinitionKey(CARRY_OUT_ACTION)
        .taskCandidateGroup("youthWelfareKoeln").singleResult()).hasDueDate(date("2026-04-03T23:59:59.999+02:00"));

    complete(taskQuery().processInstanceId(conference.getId()).singleResult());
    assertThat(conference).isEnded().hasPassed(CONFERENCE_HELD);
  }

  @Test
  void result_minutesStayWithTheCase_inItsHistory() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    callConference("FK-KOELN-2026-03-20", MEETING);
    prepareAll(caseA);

    complete(resultTask(caseA), result(CaseConference.Variables.DECISION_REVIEW_AGAIN).putValue("attendedPolice", true));

    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(caseA.getId()).variableName("attendedPolice").singleResult().getValue()).isEqualTo(true);
    assertThat(processEngine.getRuntimeService().getVariable(caseA.getId(), CONFERENCE_DECISION)).isEqualTo("reviewAgain");
  }

  @Test
  void conferenceBegins_beforeEveryAgencyPrepared_endsThePreparationAndOpensTheResult() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    callConference("FK-KOELN-2026-03-20", MEETING);
    complete(preparation(caseA, "policeKoeln"), prepared());

    Job conferenceBegins = processEngine.getManagementService().createJobQuery().processInstanceId(caseA.getId())
        .timers().singleResult();
    assertThat(conferenceBegins.getDuedate()).isEqualTo(date(MEETING));
    processEngine.getManagementService().executeJob(conferenceBegins.getId());

    assertThat(preparations(caseA)).isEmpty();
    assertThat(caseA).isWaitingAt(RECORD_CONFERENCE_RESULT);
  }

  @Test
  void actionOwner_notAtTheCasesConference_isRefusedNamingTheField() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    callConference("FK-KOELN-2026-03-20", MEETING);
    prepareAll(caseA);
    Task result = resultTask(caseA);

    VariableMap toCounselling = result(CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS)
        .putValue("action1Text", "Beratung anbieten").putValue("action1Owner", "counselling")
        .putValue("action1Deadline", "2026-03-27");
    assertThat(refusal(() -> complete(result, toCounselling)))
        .hasMessageContaining("Beratungsstelle nimmt an der Fallkonferenz zu diesem Fall nicht teil")
        .extracting(InvalidCaseDataException::getField).isEqualTo("action1Owner");
    assertThat(refusal(() -> complete(result, result(CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS)
        .putValue("action2Text", "Gefährderansprache").putValue("action2Owner", "police"))))
        .extracting(InvalidCaseDataException::getField).isEqualTo("action2Deadline");

    assertThat(caseA).isWaitingAt(RECORD_CONFERENCE_RESULT);
    assertThat(taskQuery().taskCandidateGroup("counsellingKoeln").count()).isZero();
  }

  @Test
  void holdConference_whileACaseResultIsOpen_isRefused() {
    refer(CASE_A, "koeln", "policeKoeln");
    ProcessInstance conference = callConference("FK-KOELN-2026-03-20", MEETING);

    Task hold = taskQuery().processInstanceId(conference.getId()).singleResult();
    assertThat(refusal(() -> complete(hold))).hasMessageContaining("noch nicht erfasst");
    assertThat(conference).isWaitingAt(HOLD_CASE_CONFERENCE);
  }

  @Test
  void actionMissedPastItsDeadline_staysOpenAndBringsTheCaseBackOnTheNextAgenda() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    ProcessInstance caseB = refer(CASE_B, "koeln", "policeKoeln,counsellingKoeln");
    holdConferenceWithResults("FK-KOELN-2026-03-20", MEETING, Map.of(
        caseA, result(CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS).putValue("action1Text", "Hausbesuch")
            .putValue("action1Owner", "youthWelfare").putValue("action1Deadline", "2026-03-27"),
        caseB, result(CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS).putValue("action1Text", "Gefährderansprache")
            .putValue("action1Owner", "police").putValue("action1Deadline", "2026-03-27")));
    complete(taskQuery().processInstanceId(caseB.getId()).taskDefinitionKey(CARRY_OUT_ACTION).singleResult(),
        withVariables("actionReport", "Ansprache am 24.03. durchgeführt"));

    ClockUtil.setCurrentTime(date("2026-04-10T09:00+02:00"));
    Task missed = taskQuery().processInstanceId(caseA.getId()).taskDefinitionKey(CARRY_OUT_ACTION).singleResult();
    assertThat(missed.getDueDate()).as("past its deadline, still open").isBefore(ClockUtil.getCurrentTime());

    ProcessInstance next = callConference("FK-KOELN-2026-04-15", "2026-04-15T10:00+02:00");

    assertThat(next).variables().containsEntry(AGENDA, CASE_A).containsEntry(AGENDA_CASE_COUNT, 1L);
    assertThat(caseA).isWaitingAt(PREPARE_CASE_CONFERENCE, CARRY_OUT_ACTION);
    assertThat(caseB).as("its action is done: it leaves the agenda").isEnded().hasPassed(CASE_LEFT_AGENDA);
  }

  @Test
  void closedByConference_leavesTheAgenda_andEndsOnceItsActionsAreDone() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln");
    holdConferenceWithResults("FK-KOELN-2026-03-20", MEETING, Map.of(caseA,
        result(CaseConference.Variables.DECISION_CLOSE).putValue("action1Text", "Akte abschließend prüfen")
            .putValue("action1Owner", "police").putValue("action1Deadline", "2026-03-27")));

    ProcessInstance next = callConference("FK-KOELN-2026-03-25", "2026-03-25T10:00+01:00");
    assertThat(next).as("nothing else waits: the conference is cancelled").isEnded().hasPassed(CONFERENCE_CANCELLED);
    assertThat(caseA).isWaitingAt(CARRY_OUT_ACTION);

    complete(taskQuery().processInstanceId(caseA.getId()).singleResult(), withVariables("actionReport", "geprüft"));
    assertThat(caseA).isEnded().hasPassed(CLOSED_BY_CONFERENCE);
  }

  @Test
  void reviewAgain_withoutActions_comesBackOnTheNextAgenda() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln");
    holdConferenceWithResults("FK-KOELN-2026-03-20", MEETING,
        Map.of(caseA, result(CaseConference.Variables.DECISION_REVIEW_AGAIN)));

    ProcessInstance next = callConference("FK-KOELN-2026-04-15", "2026-04-15T10:00+02:00");

    assertThat(next).variables().containsEntry(AGENDA, CASE_A);
    assertThat(caseA).isWaitingAt(PREPARE_CASE_CONFERENCE);
    assertThat(processEngine.getRuntimeService().getVariable(caseA.getId(), "policeFindings"))
        .as("the last round's preparation is cleared").isNull();
  }

  @Test
  void series_startsEachConfiguredConferenceOnce_whenItsAgendaLeadBegins() {
    refer(CASE_A, "koeln", "policeKoeln");

    runSeriesTimer();
    runSeriesTimer();

    List<HistoricProcessInstance> started = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseConference.CONFERENCE_PROCESS_KEY).list();
    assertThat(started).extracting(HistoricProcessInstance::getBusinessKey).containsExactly("FK-KOELN-2026-03-17");
    ProcessInstance conference = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("FK-KOELN-2026-03-17").singleResult();
    assertThat(conference).isWaitingAt(HOLD_CASE_CONFERENCE).variables()
        .containsEntry(CONFERENCE_DATE_TIME, "2026-03-17T10:00+01:00")
        .containsEntry(CONFERENCE_LOCATION, "Polizeipräsidium Köln, Raum 3.14").containsEntry(AGENDA, CASE_A);
  }

  @Test
  void series_beforeTheAgendaLead_startsNothing() {
    ClockUtil.setCurrentTime(date("2026-03-09T06:00+01:00"));

    runSeriesTimer();

    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseConference.CONFERENCE_PROCESS_KEY).count()).isZero();
  }

  @Test
  void figures_casesPerConference_repeatRate_andActionsDoneOnTime() {
    ProcessInstance caseA = refer(CASE_A, "koeln", "policeKoeln,youthWelfareKoeln");
    ProcessInstance caseB = refer(CASE_B, "koeln", "policeKoeln");
    processEngine.getRuntimeService().setVariable(caseB.getId(), REPEAT_REFERRAL, true);
    refer("BN-2026-000815", "bonn", "policeBonn");
    holdConferenceWithResults("FK-KOELN-2026-03-20", MEETING, Map.of(
        caseA, result(CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS).putValue("action1Text", "Hausbesuch")
            .putValue("action1Owner", "youthWelfare").putValue("action1Deadline", "2026-03-27")
            .putValue("action2Text", "Gefährderansprache").putValue("action2Owner", "police")
            .putValue("action2Deadline", "2026-03-27"),
        caseB, result(CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS).putValue("action1Text", "Anzeige prüfen")
            .putValue("action1Owner", "police").putValue("action1Deadline", "2026-03-24")));
    ClockUtil.setCurrentTime(date("2026-03-23T12:00+01:00"));
    complete(action(caseB, "policeKoeln"), withVariables("actionReport", "geprüft"));
    ClockUtil.setCurrentTime(date("2026-03-30T12:00+02:00"));
    complete(action(caseA, "policeKoeln"), withVariables("actionReport", "zu spät, aber erledigt"));

    ConferenceFigures.Figures figures = new ConferenceFigures(processEngine.getHistoryService()).of("koeln");

    assertThat(figures.conferences()).containsExactly(
        new ConferenceFigures.ConferenceSize("FK-KOELN-2026-03-20", MEETING, 2));
    assertThat(figures.referrals()).isEqualTo(2);
    assertThat(figures.repeatReferrals()).isEqualTo(1);
    assertThat(figures.repeatRate()).isEqualTo(0.5);
    assertThat(figures.actionsDone()).isEqualTo(2);
    assertThat(figures.actionsDoneOnTime()).isEqualTo(1);
    assertThat(figures.actionsOverdue()).as("the Jugendamt's home visit, due 27.03.").isEqualTo(1);
    assertThat(new ConferenceFigures(processEngine.getHistoryService()).of("bonn").referrals()).isEqualTo(1);
  }

  private static Task action(ProcessInstance caseInstance, String group) {
    return taskQuery().processInstanceId(caseInstance.getId()).taskDefinitionKey(CARRY_OUT_ACTION)
        .taskCandidateGroup(group).singleResult();
  }

  /** The engine wraps a listener's exception; the REST mappers find ours in the cause chain and answer 400. */
  private static InvalidCaseDataException refusal(Runnable completion) {
    Throwable thrown = catchThrowable(completion::run);
    while (thrown != null && !(thrown instanceof InvalidCaseDataException)) {
      thrown = thrown.getCause();
    }
    assertThat(thrown).as("refused with InvalidCaseDataException").isNotNull();
    return (InvalidCaseDataException) thrown;
  }

  private void runSeriesTimer() {
    Job timer = processEngine.getManagementService().createJobQuery()
        .processDefinitionKey(CaseConference.SERIES_PROCESS_KEY).timers().singleResult();
    processEngine.getManagementService().executeJob(timer.getId());
  }

  private void holdConferenceWithResults(String reference, String meeting, Map<ProcessInstance, VariableMap> results) {
    ProcessInstance conference = callConference(reference, meeting);
    results.forEach((caseInstance, result) -> {
      prepareAll(caseInstance);
      complete(resultTask(caseInstance), result);
    });
    complete(taskQuery().processInstanceId(conference.getId()).singleResult());
    assertThat(conference).isEnded();
  }

  private ProcessInstance refer(String reference, String district, String agencies) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(CaseConference.CASE_PROCESS_KEY, reference,
        Variables.createVariables().putValue(CASE_REFERENCE, reference).putValue(DISTRICT, district)
            .putValue(CONFERENCE_AGENCIES, agencies).putValue(REFERRAL_REASON, "Warnsignal: Todesdrohung")
            .putValue(REPEAT_REFERRAL, false));
  }

  private ProcessInstance callConference(String reference, String meeting) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(CaseConference.CONFERENCE_PROCESS_KEY,
        Variables.createVariables().putValue(CASE_REFERENCE, reference).putValue(DISTRICT, "koeln")
            .putValue(CONFERENCE_DATE_TIME, meeting).putValue(CONFERENCE_LOCATION, "Videokonferenz"));
  }

  private void prepareAll(ProcessInstance caseInstance) {
    for (Task preparation : preparations(caseInstance)) {
      complete(preparation, prepared());
    }
  }

  private static VariableMap prepared() {
    return Variables.createVariables().putValue(PREPARATION_FINDINGS, "Kinder bekannt, Familienhilfe läuft")
        .putValue(PREPARATION_PROPOSAL, "Hausbesuch");
  }

  private static VariableMap result(String decision) {
    return Variables.createVariables().putValue(CONFERENCE_DECISION, decision);
  }

  private static List<Task> preparations(ProcessInstance caseInstance) {
    return taskQuery().processInstanceId(caseInstance.getId()).taskDefinitionKey(PREPARE_CASE_CONFERENCE).list();
  }

  private static Task preparation(ProcessInstance caseInstance, String group) {
    return taskQuery().processInstanceId(caseInstance.getId()).taskDefinitionKey(PREPARE_CASE_CONFERENCE)
        .taskCandidateGroup(group).singleResult();
  }

  private static Task resultTask(ProcessInstance caseInstance) {
    return taskQuery().processInstanceId(caseInstance.getId()).taskDefinitionKey(RECORD_CONFERENCE_RESULT).singleResult();
  }

}
