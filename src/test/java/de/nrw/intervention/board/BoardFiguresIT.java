package de.nrw.intervention.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.nrw.intervention.board.Board.AgencyFigures;
import de.nrw.intervention.board.Board.ComplianceFigures;
import de.nrw.intervention.board.Board.ProcessFigures;
import de.nrw.intervention.identity.District;
import de.nrw.intervention.reminder.ReminderFixture;
import de.nrw.intervention.testsupport.SharedRouting;
import de.nrw.intervention.testsupport.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The board's figures against a history with known answers: cases created, reminded, escalated and completed at
 * chosen times (the engine clock), in Köln and in Bonn, with the real application, its deadline jobs and a real SMTP
 * server. "Now" is Monday 16.03.2026, 10:00 in Köln.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "intervention.models.processes-dir=src/test/resources/fixtures/board/processes",
    "intervention.models.forms-dir=src/test/resources/fixtures/models/forms",
    // The deadline jobs run when the test says, at the time it sets: no job executor (and so none in readiness).
    "camunda.bpm.job-execution.enabled=false",
    "management.endpoint.health.group.readiness.include=readinessState,db,processEngine"})
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardFiguresIT {

  private static final int SMTP_PORT = ReminderFixture.freePort();
  private static final String PROCESS = "board-fixture";
  private static final String TASK = "Task_CheckBanCompliance";
  private static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
  private static final District KOELN = new District("koeln", "Köln");
  private static final District BONN = new District("bonn", "Bonn");

  @RegisterExtension
  static final GreenMailExtension greenMail =
      TestMailServer.smtp(SMTP_PORT);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry, SMTP_PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired DeadlineBoard board;

  private String oldestOverdueTaskId;
  private String oldestOverdueInstanceId;

  @BeforeAll
  void history() {
    SharedRouting.deploy(engine);
    // February, Köln: on time (1 day), late (3 days, reminded and escalated in February), on time (2 days).
    completed("KOE-2026-100001", "policeKoeln", "koeln", "2026-02-02T08:00:00Z", "2026-02-05T08:00:00Z",
        "2026-02-03T08:00:00Z", false);
    completed("KOE-2026-100002", "policeKoeln", "koeln", "2026-02-10T08:00:00Z", "2026-02-12T08:00:00Z",
        "2026-02-13T08:00:00Z", true);
    completed("KOE-2026-100003", "policeKoeln", "koeln", "2026-02-20T08:00:00Z", "2026-02-25T08:00:00Z",
        "2026-02-22T08:00:00Z", false);
    // March, Köln: late (2 days, reminded 02.03., escalated 03.03.); on time (1 day), completed 01.03. 00:30 in Köln
    // (28.02. in UTC): the month is Köln's.
    completed("KOE-2026-100004", "policeKoeln", "koeln", "2026-03-02T08:00:00Z", "2026-03-03T08:00:00Z",
        "2026-03-04T08:00:00Z", true);
    completed("KOE-2026-100005", "policeKoeln", "koeln", "2026-02-27T23:30:00Z", "2026-03-05T08:00:00Z",
        "2026-02-28T23:30:00Z", false);
    // A case closed by deletion: its task was never completed and is no compliance figure, the case ended in March.
    ProcessInstance deleted = start("KOE-2026-100006", "policeKoeln", "koeln", "2026-03-05T08:00:00Z",
        "2026-03-06T08:00:00Z", Map.of());
    clock("2026-03-05T10:00:00Z");
    engine.getRuntimeService().deleteProcessInstance(deleted.getId(), "Fall zusammengelegt");

    // Open on 16.03., all created 11.03.: due in a day, overdue by 3 days (reminded and escalated), overdue by an
    // hour, due in 3 days (not "within 2 days"); one for the Jugendamt, of a high-risk case.
    String created = "2026-03-11T09:00:00Z";
    start("KOE-2026-100011", "policeKoeln", "koeln", created, "2026-03-17T09:00:00Z", Map.of());
    ProcessInstance oldest = start("KOE-2026-100012", "policeKoeln", "koeln", created, "2026-03-13T09:00:00Z", Map.of());
    runDeadlineJobs(oldest);
    oldestOverdueInstanceId = oldest.getId();
    oldestOverdueTaskId = task(oldest).getId();
    start("KOE-2026-100013", "policeKoeln", "koeln", created, "2026-03-16T08:00:00Z", Map.of());
    start("KOE-2026-100014", "policeKoeln", "koeln", created, "2026-03-19T09:00:00Z", Map.of());
    start("KOE-2026-100015", "youthWelfareKoeln", "koeln", created, "2026-03-21T09:00:00Z", Map.of("riskLevel", "high"));

    // Bonn: one on time in March, one overdue now. None of it may reach Köln's board.
    completed("BN-2026-100021", "policeBonn", "bonn", "2026-03-02T08:00:00Z", "2026-03-03T08:00:00Z",
        "2026-03-02T12:00:00Z", false);
    start("BN-2026-100022", "policeBonn", "bonn", created, "2026-03-14T09:00:00Z", Map.of("riskLevel", "high"));
  }

  @BeforeEach
  void now() {
    clock("2026-03-16T09:00:00Z");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  void cleanUp() {
    List<String> open = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .stream().map(ProcessInstance::getId).toList();
    engine.getRuntimeService().deleteProcessInstances(open, "test cleanup", true, true);
    ClockUtil.reset();
  }

  @Test
  void koelnBoard_perAgency_countsOpenDueSoonOverdue_oldestOverdue_andTheDeadlineMailsOfTheLast7And30Days() {
    Board koeln = figures(KOELN);

    assertThat(koeln.districtName()).isEqualTo("Köln");
    assertThat(koeln.asOf()).isEqualTo("16.03.2026, 10:00 Uhr");
    assertThat(koeln.agencies()).extracting(AgencyFigures::groupId).containsExactly("policeKoeln",
        "policeSupervisorKoeln", "youthWelfareKoeln", "schoolKoeln", "counsellingKoeln", "crisisOfficerKoeln");
    AgencyFigures police = agency(koeln, "policeKoeln");
    assertThat(police.name()).isEqualTo("Polizei Köln");
    assertThat(List.of(police.open(), police.dueSoon(), police.overdue())).containsExactly(4L, 1L, 2L);
    assertThat(police.oldestOverdue().taskId()).isEqualTo(oldestOverdueTaskId);
    assertThat(police.oldestOverdue().processInstanceId()).isEqualTo(oldestOverdueInstanceId);
    assertThat(police.oldestOverdue().caseReference()).isEqualTo("KOE-2026-100012");
    assertThat(police.oldestOverdue().taskName()).isEqualTo("Einhaltung des Rückkehrverbots prüfen");
    assertThat(police.oldestOverdue().due()).isEqualTo("13.03.2026, 10:00 Uhr");
    // Reminders: 12.03. (7 days) and 02.03. (30 days); escalations 13.03. and 03.03.; February's are older.
    assertThat(List.of(police.reminders7Days(), police.reminders30Days(), police.escalations7Days(),
        police.escalations30Days())).containsExactly(1L, 2L, 1L, 2L);

    AgencyFigures youthWelfare = agency(koeln, "youthWelfareKoeln");
    assertThat(List.of(youthWelfare.open(), youthWelfare.dueSoon(), youthWelfare.overdue())).containsExactly(1L, 0L, 0L);
    assertThat(youthWelfare.oldestOverdue()).isNull();
    assertThat(youthWelfare.reminders30Days() + youthWelfare.escalations30Days()).isZero();
  }

  @Test
  void koelnBoard_compliancePerMonth_onTimeLateShareAndMedian_inKoelnsMonths() {
    Board koeln = figures(KOELN);

    assertThat(koeln.compliance()).extracting(ComplianceFigures::month, ComplianceFigures::completed,
            ComplianceFigures::onTime, ComplianceFigures::late, ComplianceFigures::onTimeText,
            ComplianceFigures::medianDaysText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("März 2026", 2L, 1L, 1L, "50,0 %", "1,5"),
            org.assertj.core.groups.Tuple.tuple("Februar 2026", 3L, 2L, 1L, "66,7 %", "2,0"));
    ComplianceFigures march = koeln.compliance().get(0);
    assertThat(march.processName()).isEqualTo("Fristen-Testfall");
    assertThat(march.taskName()).isEqualTo("Einhaltung des Rückkehrverbots prüfen");
    assertThat(march.deadline()).isEqualTo("gesetzlich (§34a PolG NRW)");
    assertThat(march.medianDays()).isEqualTo(1.5);
  }

  @Test
  void koelnBoard_perProcess_runningHighRiskStartedAndEndedThisMonth() {
    Board koeln = figures(KOELN);

    assertThat(koeln.processes()).extracting(ProcessFigures::processKey).containsExactly(PROCESS);
    ProcessFigures cases = koeln.processes().get(0);
    assertThat(cases.name()).isEqualTo("Fristen-Testfall");
    // Running: the five open; started in March: 02.03., the deleted one and the five (27.02. is February);
    // ended in March: 04.03., 01.03. 00:30 and the deleted one.
    assertThat(List.of(cases.running(), cases.highRisk(), cases.startedThisMonth(), cases.endedThisMonth()))
        .containsExactly(5L, 1L, 7L, 3L);
  }

  @Test
  void bonnBoard_showsBonnOnly() {
    Board bonn = figures(BONN);

    AgencyFigures police = agency(bonn, "policeBonn");
    assertThat(List.of(police.open(), police.dueSoon(), police.overdue())).containsExactly(1L, 0L, 1L);
    assertThat(police.oldestOverdue().caseReference()).isEqualTo("BN-2026-100022");
    assertThat(bonn.compliance()).extracting(ComplianceFigures::month, ComplianceFigures::completed,
        ComplianceFigures::onTime).containsExactly(org.assertj.core.groups.Tuple.tuple("März 2026", 1L, 1L));
    assertThat(bonn.processes().get(0).running()).isEqualTo(1);
    assertThat(bonn.processes().get(0).highRisk()).isEqualTo(1);
  }

  @Test
  void csv_isTheComplianceTable_germanExcel_withoutPersonalData() {
    Board koeln = figures(KOELN);

    byte[] csv = BoardCsv.of(koeln);

    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text).isEqualTo(
        "Bezirk;Monat;Prozess;Aufgabe;Frist;Erledigt;Fristgerecht;Verspätet;Anteil fristgerecht;"
            + "Median Bearbeitungszeit (Tage)\r\n"
            + "Köln;März 2026;Fristen-Testfall;Einhaltung des Rückkehrverbots prüfen;gesetzlich (§34a PolG NRW);"
            + "2;1;1;50,0 %;1,5\r\n"
            + "Köln;Februar 2026;Fristen-Testfall;Einhaltung des Rückkehrverbots prüfen;gesetzlich (§34a PolG NRW);"
            + "3;2;1;66,7 %;2,0\r\n");
    assertThat(text).doesNotContain("KOE-", "BN-", oldestOverdueTaskId, "officer", "supervisor");
  }

  private Board figures(District district) {
    return board.figures((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), district,
        List.of(district));
  }

  private static AgencyFigures agency(Board board, String groupId) {
    return board.agencies().stream().filter(agency -> agency.groupId().equals(groupId)).findFirst().orElseThrow();
  }

  /** A case whose one task is completed at {@code completedAt}; with its reminder and escalation sent before. */
  private void completed(String caseReference, String group, String district, String createdAt, String dueAt,
      String completedAt, boolean remindedAndEscalated) {
    ProcessInstance instance = start(caseReference, group, district, createdAt, dueAt, Map.of());
    if (remindedAndEscalated) {
      runDeadlineJobs(instance);
    }
    clock(completedAt);
    engine.getTaskService().complete(task(instance).getId());
  }

  private ProcessInstance start(String caseReference, String group, String district, String createdAt, String dueAt,
      Map<String, Object> extra) {
    clock(createdAt);
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put("caseReference", caseReference);
    variables.put("candidateGroup", group);
    variables.put("district", district);
    variables.put("due", Date.from(Instant.parse(dueAt)));
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, caseReference, variables);
  }

  /** Runs the task's reminder and then its escalation, each a second after it fell due, as the job executor would. */
  private void runDeadlineJobs(ProcessInstance instance) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .orderByJobDuedate().asc().list();
    assertThat(jobs).hasSize(2);
    for (Job job : jobs) {
      ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plus(Duration.ofSeconds(1))));
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK)
        .singleResult();
  }

  private static void clock(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }
}
