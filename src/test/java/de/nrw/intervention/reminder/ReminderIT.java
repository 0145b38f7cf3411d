package de.nrw.intervention.reminder;

import static de.nrw.intervention.reminder.ReminderFixture.PERSONAL_DATA;
import static de.nrw.intervention.reminder.ReminderFixture.PROCESS;
import static de.nrw.intervention.reminder.ReminderFixture.SHORT_LEAD_PROCESS;
import static de.nrw.intervention.reminder.ReminderFixture.T0;
import static de.nrw.intervention.reminder.ReminderFixture.awaitNoDueDeadlineJobs;
import static de.nrw.intervention.reminder.ReminderFixture.clockAt;
import static de.nrw.intervention.reminder.ReminderFixture.mailsFor;
import static de.nrw.intervention.reminder.ReminderFixture.recipients;
import static de.nrw.intervention.reminder.ReminderFixture.startCase;
import static de.nrw.intervention.reminder.ReminderFixture.subject;
import static de.nrw.intervention.reminder.ReminderFixture.task;
import static de.nrw.intervention.reminder.ReminderFixture.textParts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.nrw.intervention.testsupport.TestMailServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reminders and escalations end to end: the real application with its job executor, a real SMTP server
 * (GreenMail) and the engine clock moved instead of waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "intervention.models.processes-dir=src/test/resources/fixtures/reminder/processes",
    "intervention.models.forms-dir=src/test/resources/fixtures/models/forms",
    "intervention.reminders.locale=en",
    "intervention.reminders.tasklist-base-url=https://intervention.example/camunda/app/tasklist/default/",
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=300"})
@ActiveProfiles({"demo", "test"})
class ReminderIT {

  private static final int SMTP_PORT = ReminderFixture.freePort();
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final String CHANGE_NOTICE = "Deadline changed";
  private static final DateTimeFormatter REST_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  @RegisterExtension
  static final GreenMailExtension greenMail =
      TestMailServer.smtp(SMTP_PORT);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry, SMTP_PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired MeterRegistry meters;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() throws Exception {
    ReminderFixture.deployRouting(engine);
    // officer (demo) plus a colleague with and one without an email address.
    ReminderFixture.ensureUser(engine, "officer2", "officer2@polizei-koeln.example", "policeKoeln");
    ReminderFixture.ensureUser(engine, "officer3", null, "policeKoeln");
    ReminderFixture.ensureUser(engine, "bonnsupervisor", "supervisor@polizei-bonn.example", "policeSupervisorBonn");
    clockAt(T0);
    greenMail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void tearDown() {
    ReminderFixture.endOpenCases(engine, SETTLE);
  }

  @Test
  void reminder_atDueMinusLead_goesToTheAssignee() {
    ProcessInstance instance = startCase(engine, PROCESS, "KOE-2026-000101", "policeKoeln", "koeln", T0.plus(Duration.ofDays(2)));
    engine.getTaskService().setAssignee(task(engine, instance).getId(), "officer");
    assertThat(reminderJob(instance).getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofDays(1))));

    clockAt(T0.plus(Duration.ofDays(1)).minusSeconds(60));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    clockAt(T0.plus(Duration.ofDays(1)).plusSeconds(1));
    MimeMessage mail = awaitMails(1).get(0);
    assertThat(recipients(mail)).containsExactly("officer@polizei-koeln.example");
    assertThat(subject(mail)).startsWith("Reminder").contains("KOE-2026-000101");
  }

  @Test
  void reminder_unassigned_goesToEveryCandidateGroupMemberWithEmail_andCountsTheOthers() {
    double skippedBefore = meters.get("intervention.reminders.recipients.skipped").counter().count();
    startCase(engine, PROCESS, "KOE-2026-000102", "policeKoeln", "koeln", T0.plus(Duration.ofDays(2)));

    clockAt(T0.plus(Duration.ofDays(1)).plusSeconds(1));

    List<MimeMessage> copies = awaitMails(2); // one message, one copy per mailbox
    assertThat(recipients(copies.get(0))).containsExactly("officer2@polizei-koeln.example", "officer@polizei-koeln.example");
    assertThat(meters.get("intervention.reminders.recipients.skipped").counter().count()).isEqualTo(skippedBefore + 1);
  }

  @Test
  void reminder_taskWithOwnLead_followsItsReminderLeadProperty() {
    Instant due = T0.plus(Duration.ofDays(2));
    ProcessInstance instance = startCase(engine, SHORT_LEAD_PROCESS, "KOE-2026-000103", "policeBonn", "bonn", due);
    assertThat(reminderJob(instance).getDuedate()).isEqualTo(Date.from(due.minus(Duration.ofHours(4))));

    clockAt(due.minus(Duration.ofHours(24)).plusSeconds(60));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    clockAt(due.minus(Duration.ofHours(4)).plusSeconds(1));
    assertThat(recipients(awaitMails(1).get(0))).containsExactly("officer@polizei-bonn.example");
  }

  @Test
  void taskWithoutDueDate_getsNoReminder_untilADueDateIsSet() {
    ProcessInstance instance = startCase(engine, PROCESS, "KOE-2026-000104", "policeBonn", "bonn", null);
    assertThat(deadlineJobs(instance)).isEmpty();

    Task task = task(engine, instance);
    engine.getTaskService().setAssignee(task.getId(), "bonnofficer");
    assertThat(deadlineJobs(instance)).isEmpty();

    clockAt(T0.plus(Duration.ofDays(30)));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    setDueDate(task.getId(), T0.plus(Duration.ofDays(32)));
    clockAt(T0.plus(Duration.ofDays(31)).plusSeconds(1));
    assertThat(subject(awaitMails(1).get(0))).startsWith("Reminder").contains("KOE-2026-000104");
  }

  @Test
  void taskCompletedBeforeTheReminder_noMail() {
    ProcessInstance done = startCase(engine, PROCESS, "KOE-2026-000105", "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));
    startCase(engine, PROCESS, "KOE-2026-000106", "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));

    engine.getTaskService().complete(task(engine, done).getId());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(done.getId()).count()).isZero();

    clockAt(T0.plus(Duration.ofDays(3)));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    // The other case proves the job executor ran: its reminder and escalation went out.
    assertThat(mailsFor(greenMail.getReceivedMessages(), "KOE-2026-000106")).hasSize(2);
    assertThat(mailsFor(greenMail.getReceivedMessages(), "KOE-2026-000105")).isEmpty();
  }

  @Test
  void dueDateMovedBeforeTheReminder_oneMailForTheNewDateOnly() {
    ProcessInstance instance = startCase(engine, PROCESS, "KOE-2026-000107", "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));
    setDueDateThroughRest("bonnofficer", task(engine, instance).getId(), T0.plus(Duration.ofDays(4)));

    // Past the old reminder and the old due date: nothing, neither reminder nor escalation.
    clockAt(T0.plus(Duration.ofDays(2)).plusSeconds(60));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(reminderMails()).isEmpty();

    clockAt(T0.plus(Duration.ofDays(3)).plusSeconds(1));
    MimeMessage mail = awaitMails(1).get(0);
    assertThat(subject(mail)).startsWith("Reminder").contains("March 6, 2026");
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(reminderMails()).hasSize(1);
    // The move itself was announced to Bonn's supervisors, once.
    assertThat(List.of(greenMail.getReceivedMessages())).filteredOn(notice -> subject(notice).startsWith(CHANGE_NOTICE))
        .singleElement().satisfies(notice -> assertThat(recipients(notice)).containsExactly("supervisor@polizei-bonn.example"));
  }

  @Test
  void dueDateMovedAfterTheReminder_newDateGetsItsOwnReminder_otherUpdatesDoNotResend() {
    ProcessInstance instance = startCase(engine, PROCESS, "KOE-2026-000108", "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));
    String taskId = task(engine, instance).getId();
    clockAt(T0.plus(Duration.ofDays(1)).plusSeconds(1));
    awaitMails(1);

    // Claiming and re-prioritising are updates too; the reminder for this due date is not sent again.
    engine.getTaskService().setAssignee(taskId, "bonnofficer");
    engine.getTaskService().setPriority(taskId, 80);
    assertThat(deadlineJobs(instance)).extracting(this::kind).containsExactly(DeadlineKind.ESCALATION);

    // The other API for a due date change (taskService.setDueDate); the first test path uses saveTask.
    engine.getTaskService().setDueDate(taskId, Date.from(T0.plus(Duration.ofDays(3))));
    awaitChangeNoticeSent();
    clockAt(T0.plus(Duration.ofDays(2)).plusSeconds(1));
    awaitMails(2);
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(reminderMails()).extracting(ReminderFixture::subject)
        .allSatisfy(subject -> assertThat(subject).startsWith("Reminder"))
        .hasSize(2);
  }

  @Test
  void overdue_oneEscalationToTheDistrictsSupervisors_noneToOtherDistricts() {
    startCase(engine, PROCESS, "KOE-2026-000109", "policeKoeln", "koeln", T0.plus(Duration.ofDays(2)));
    startCase(engine, PROCESS, "BN-2026-000110", "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));

    clockAt(T0.plus(Duration.ofDays(2)).plusSeconds(1));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    clockAt(T0.plus(Duration.ofDays(10)));
    awaitNoDueDeadlineJobs(engine, SETTLE);

    List<MimeMessage> koeln = escalations("KOE-2026-000109");
    List<MimeMessage> bonn = escalations("BN-2026-000110");
    assertThat(koeln).hasSize(1);
    assertThat(recipients(koeln.get(0))).containsExactly("supervisor@polizei-koeln.example");
    assertThat(bonn).hasSize(1);
    assertThat(recipients(bonn.get(0))).containsExactly("supervisor@polizei-bonn.example");
  }

  @Test
  void nobodyReachable_theDistrictsSupervisorsAreTold() {
    startCase(engine, PROCESS, "BN-2026-000111", "schoolBonn", "bonn", T0.plus(Duration.ofDays(2)));

    clockAt(T0.plus(Duration.ofDays(1)).plusSeconds(1));

    MimeMessage mail = awaitMails(1).get(0);
    assertThat(subject(mail)).startsWith("No one reachable").contains("BN-2026-000111");
    assertThat(recipients(mail)).containsExactly("supervisor@polizei-bonn.example");
  }

  @Test
  void mailContent_namesTaskProcessDueDateAndCaseReference_linksTheTask_neverPersonalData() {
    ProcessInstance instance = startCase(engine, PROCESS, "KOE-2026-000112", "policeKoeln", "koeln", T0.plus(Duration.ofDays(2)));
    String taskId = task(engine, instance).getId();
    engine.getTaskService().setAssignee(taskId, "officer");
    clockAt(T0.plus(Duration.ofDays(2)).plusSeconds(1));
    List<MimeMessage> mails = awaitMails(2); // reminder and escalation
    String link = "https://intervention.example/camunda/app/tasklist/default/#/?task=" + taskId;

    for (MimeMessage mail : mails) {
      Map<String, String> parts = textParts(mail);
      assertThat(parts).containsOnlyKeys("text/plain", "text/html");
      String everything = subject(mail) + "\n" + parts.get("text/plain") + "\n" + parts.get("text/html");
      assertThat(everything).contains("Check case", "Reminder fixture case", "KOE-2026-000112", "March 4, 2026");
      assertThat(parts.get("text/plain")).contains(link);
      assertThat(parts.get("text/html")).contains("href=\"" + link + "\"");
      PERSONAL_DATA.values().forEach(value -> assertThat(everything).doesNotContain(value.toString()));
      // Nor the caseworker's or supervisor's name, nor the district's routing details.
      assertThat(everything).doesNotContain("Olaf", "Sabine", "Officer", "Supervisor ", "policeKoeln");
    }
  }

  @Test
  void smtpDown_retriesThenIncidentOnTheCase_operatorRetryAfterRecovery_sendsExactlyOnce() {
    double failuresBefore = meters.get("intervention.reminders.failures").tag("kind", "reminder").counter().count();
    ProcessInstance instance = startCase(engine, PROCESS, "KOE-2026-000113", "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));
    greenMail.stop();
    try {
      Instant now = T0.plus(Duration.ofDays(1)).plusSeconds(1);
      clockAt(now);
      // R5/PT5M: five attempts five minutes apart, then the job has no retries left.
      for (int attempt = 1; attempt <= 5; attempt++) {
        int retriesLeft = 5 - attempt;
        await().atMost(SETTLE).until(() -> reminderJob(instance).getRetries() == retriesLeft
            && reminderJob(instance).getExceptionMessage() != null);
        now = now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        clockAt(now);
      }
      Job job = reminderJob(instance);
      Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getConfiguration()).isEqualTo(job.getId());
      assertThat(incident.getActivityId()).isEqualTo("Task_CheckCase");
      assertThat(meters.get("intervention.reminders.failures").tag("kind", "reminder").counter().count())
          .isEqualTo(failuresBefore + 5);
    } finally {
      greenMail.start();
    }

    engine.getManagementService().setJobRetries(reminderJob(instance).getId(), 1);

    awaitMails(1);
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(deadlineJobs(instance)).extracting(this::kind).containsExactly(DeadlineKind.ESCALATION);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void invalidReminderLead_failsTheDeployment() {
    String model = new String(readResource("fixtures/reminder/processes/reminder-fixture-short-lead.bpmn"))
        .replace("id=\"reminder-fixture-short-lead\"", "id=\"reminder-fixture-broken-lead\"")
        .replace("value=\"PT4H\"", "value=\"4 hours\"");

    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
        .addString("reminder-fixture-broken-lead.bpmn", model).deploy())
        .hasMessageContaining("reminderLead").hasMessageContaining("4 hours");
  }

  /** Not a timed assertion: prints the rate for docs/REMINDERS.md and checks every reminder arrived once. */
  @Test
  void measurement_500RemindersDueAtOnce() {
    int cases = 500;
    for (int i = 0; i < cases; i++) {
      startCase(engine, PROCESS, String.format("BN-2026-%06d", 500000 + i), "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));
    }

    long start = System.nanoTime();
    clockAt(T0.plus(Duration.ofDays(1)).plusSeconds(1));
    await().atMost(Duration.ofSeconds(120)).until(() -> greenMail.getReceivedMessages().length >= cases);
    long millis = (System.nanoTime() - start) / 1_000_000;
    awaitNoDueDeadlineJobs(engine, SETTLE);

    assertThat(greenMail.getReceivedMessages()).extracting(ReminderFixture::subject).doesNotHaveDuplicates().hasSize(cases);
    System.out.printf("REMINDER THROUGHPUT: %d reminders in %d ms = %.1f reminders/s (one node, default job executor)%n",
        cases, millis, cases * 1000.0 / millis);
  }

  private static byte[] readResource(String name) {
    try (var in = ReminderIT.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<MimeMessage> awaitMails(int count) {
    await().atMost(SETTLE).until(() -> reminderMails().size() >= count);
    return reminderMails();
  }

  /** Received mails without the due-date change notices (de.nrw.intervention.deadline, tested in DeadlineChangeIT). */
  private List<MimeMessage> reminderMails() {
    return List.of(greenMail.getReceivedMessages()).stream()
        .filter(mail -> !subject(mail).startsWith(CHANGE_NOTICE)).toList();
  }

  private List<MimeMessage> escalations(String caseReference) {
    return mailsFor(greenMail.getReceivedMessages(), caseReference).stream()
        .filter(mail -> subject(mail).startsWith("Overdue")).toList();
  }

  private void setDueDate(String taskId, Instant due) {
    // As Tasklist and REST (PUT /task/{id}) do it.
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(due));
    engine.getTaskService().saveTask(task);
    awaitChangeNoticeSent();
  }

  /**
   * A due-date change queues a notice to the supervisors (package deadline), due at once. It is sent before the
   * test moves the engine clock: a jump past the job's lock time would let a second acquisition take the same job
   * while the first still sends it (the documented at-least-once window), which is not what these tests are about.
   */
  private void awaitChangeNoticeSent() {
    await().atMost(Duration.ofSeconds(20)).until(() -> engine.getManagementService().createJobQuery().list().stream()
        .noneMatch(job -> "task-due-date-change".equals(((JobEntity) job).getJobHandlerType())));
  }

  /** As Tasklist does it: read the task, change its due date, PUT it back, as the caseworker. */
  @SuppressWarnings("unchecked")
  private void setDueDateThroughRest(String user, String taskId, Instant due) {
    TestRestTemplate caseworker = rest.withBasicAuth(user, "demo");
    Map<String, Object> task = new HashMap<>(caseworker.getForObject("/engine-rest/task/" + taskId, Map.class));
    task.put("due", REST_DATE.format(due));
    ResponseEntity<String> response = caseworker.exchange("/engine-rest/task/" + taskId, HttpMethod.PUT,
        new HttpEntity<>(task), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    awaitChangeNoticeSent();
  }

  private List<Job> deadlineJobs(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list().stream()
        .filter(job -> DeadlineJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
  }

  private Job reminderJob(ProcessInstance instance) {
    return deadlineJobs(instance).stream().filter(job -> kind(job) == DeadlineKind.REMINDER).findFirst().orElseThrow();
  }

  private DeadlineKind kind(Job job) {
    return DeadlineJobConfiguration.parse(((JobEntity) job).getJobHandlerConfigurationRaw()).kind();
  }
}
