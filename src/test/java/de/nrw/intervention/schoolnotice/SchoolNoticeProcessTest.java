package de.nrw.intervention.schoolnotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.intervention.calendar.SchoolDays;
import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.schoolnotice.SchoolNotice.Elements;
import de.nrw.intervention.schoolnotice.SchoolNotice.Variables;
import de.nrw.intervention.testsupport.CallActivities;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.ClassPathResource;

/** The notice to a school on its own: due before the next NRW school day, acknowledged or escalated. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"school-notice.bpmn", "district-routing.dmn", "school-notice-deadlines.dmn",
    "acknowledge-school-notice.form", "follow-up-unacknowledged-notice.form", "take-note-of-unacknowledged-notice.form"})
class SchoolNoticeProcessTest {

  /** Friday before the NRW autumn holidays (17.10.–31.10.2026); 1 November is a Sunday. */
  private static final Date FRIDAY_BEFORE_AUTUMN_HOLIDAYS = date("2026-10-16T11:00+02:00");
  private static final Date SCHOOL_START_AFTER_HOLIDAYS = date("2026-11-02T08:00+01:00");
  private static final ObjectMapper JSON = new ObjectMapper();

  ProcessEngine processEngine;

  @BeforeEach
  void registerBeansAndFreezeClock() {
    Mocks.register("caseReferenceListener", new CaseReferenceListener());
    Mocks.register("schoolDays", SchoolDays.read(new ClassPathResource("school-calendar/nrw.yaml"),
        ZoneId.of("Europe/Berlin"), LocalTime.of(8, 0)));
    ClockUtil.setCurrentTime(FRIDAY_BEFORE_AUTUMN_HOLIDAYS);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void notice_isDueAtTheStartOfTheNextSchoolDay_afterTheHolidays_schoolAcknowledges() {
    ProcessInstance notice = notice("koeln");

    Task task = taskQuery().processInstanceId(notice.getId()).singleResult();
    assertThat(task).hasDefinitionKey(Elements.ACKNOWLEDGE_SCHOOL_NOTICE).hasCandidateGroup("schoolKoeln")
        .hasDueDate(SCHOOL_START_AFTER_HOLIDAYS)
        .hasDescription("Mitteilung der Polizei zu Lena (Grundschule Am Rhein, Klasse 3b). Bitte vor Unterrichtsbeginn bestätigen.");
    assertThat(job(notice)).as("the escalation waits for the start of school").hasDueDate(SCHOOL_START_AFTER_HOLIDAYS);

    complete(task, withVariables("schoolNoticeNote", "Klassenlehrerin ist informiert."));

    assertThat(notice).isEnded().hasPassed(Elements.NOTICE_ACKNOWLEDGED).hasNotPassed(Elements.NOTICE_NOT_ACKNOWLEDGED);
    assertThat(processEngine.getManagementService().createJobQuery().count()).as("no escalation left").isZero();
  }

  @Test
  void notAcknowledgedAtSchoolStart_escalatesToTheDutyOfficerAndTheJugendamt_schoolMayStillAcknowledge() {
    ProcessInstance notice = notice("bonn");

    ClockUtil.setCurrentTime(SCHOOL_START_AFTER_HOLIDAYS);
    execute(job(notice));

    assertOpenTasks(notice, Elements.ACKNOWLEDGE_SCHOOL_NOTICE, Elements.FOLLOW_UP_UNACKNOWLEDGED_NOTICE,
        Elements.TAKE_NOTE_OF_UNACKNOWLEDGED_NOTICE);
    assertThat(taskAt(Elements.FOLLOW_UP_UNACKNOWLEDGED_NOTICE, notice)).hasCandidateGroup("policeSupervisorBonn")
        .hasDueDate(Date.from(SCHOOL_START_AFTER_HOLIDAYS.toInstant().plus(Duration.ofHours(2))));
    assertThat(taskAt(Elements.TAKE_NOTE_OF_UNACKNOWLEDGED_NOTICE, notice)).hasCandidateGroup("youthWelfareBonn")
        .hasDueDate(Date.from(SCHOOL_START_AFTER_HOLIDAYS.toInstant().plus(Duration.ofDays(1))));

    complete(taskAt(Elements.ACKNOWLEDGE_SCHOOL_NOTICE, notice));
    complete(taskAt(Elements.FOLLOW_UP_UNACKNOWLEDGED_NOTICE, notice), withVariables("noticeFollowUpOutcome", "schoolReached"));
    complete(taskAt(Elements.TAKE_NOTE_OF_UNACKNOWLEDGED_NOTICE, notice));

    assertThat(notice).isEnded().hasPassed(Elements.NOTICE_ACKNOWLEDGED, Elements.ESCALATION_DONE);
  }

  @Test
  void schoolsForm_showsTheMinimalNotice_neverTheLegalBasis() throws IOException {
    ProcessInstance notice = notice("koeln");

    try (InputStream form = processEngine.getFormService()
        .getDeployedTaskForm(taskAt(Elements.ACKNOWLEDGE_SCHOOL_NOTICE, notice).getId())) {
      List<String> keys = new ArrayList<>();
      JsonNode components = JSON.readTree(form).path("components");
      components.forEach(component -> {
        if (component.hasNonNull("key")) {
          keys.add(component.get("key").asText());
        }
      });
      assertThat(keys).contains(Variables.CHILD_FIRST_NAME, Variables.CHILD_SCHOOL, Variables.POLICE_ATTENDED_ON,
          Variables.CHILD_PRESENT).doesNotContain(Variables.LEGAL_BASIS);
    }
  }

  @Test
  void everyCaller_passesOnlyTheNoticesVariables_andItsOwnBusinessKey() {
    List<CallActivity> calls = CallActivities.calling(SchoolNotice.PROCESS_KEY);

    assertThat(calls).as("the domestic-violence process calls it").isNotEmpty();
    for (CallActivity call : calls) {
      List<CamundaIn> ins = CallActivities.ins(call);
      assertThat(ins).as(call.getId() + ": never all variables").noneMatch(in -> "all".equals(in.getCamundaVariables()));
      assertThat(ins.stream().map(CamundaIn::getCamundaTarget).filter(Objects::nonNull))
          .as(call.getId() + " passes in").containsExactlyInAnyOrderElementsOf(Variables.IN);
      assertThat(ins).as(call.getId() + ": a business key of its own").anyMatch(in -> in.getCamundaBusinessKey() != null);
      assertThat(CallActivities.outs(call))
          .as(call.getId() + ": nothing comes back").isEmpty();
    }
  }

  private ProcessInstance notice(String district) {
    return processEngine.getRuntimeService().createProcessInstanceByKey(SchoolNotice.PROCESS_KEY)
        .businessKey("KOE-2026-004711/1")
        .setVariables(Map.of(
            Variables.CASE_REFERENCE, "KOE-2026-004711/1",
            Variables.DISTRICT, district,
            Variables.CHILD_FIRST_NAME, "Lena",
            Variables.CHILD_SCHOOL, "Grundschule Am Rhein, Klasse 3b",
            Variables.POLICE_ATTENDED_ON, "2026-10-15",
            Variables.CHILD_PRESENT, "yes",
            Variables.LEGAL_BASIS, "parentalConsent"))
        .execute();
  }

  private Task taskAt(String definitionKey, ProcessInstance instance) {
    return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(definitionKey).singleResult();
  }

  private void assertOpenTasks(ProcessInstance instance, String... definitionKeys) {
    assertThat(taskQuery().processInstanceId(instance.getId()).list()).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(definitionKeys);
  }

  private static Date date(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }
}
