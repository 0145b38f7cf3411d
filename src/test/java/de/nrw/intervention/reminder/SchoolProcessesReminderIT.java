package de.nrw.intervention.reminder;

import static de.nrw.intervention.reminder.ReminderFixture.awaitNoDueDeadlineJobs;
import static de.nrw.intervention.reminder.ReminderFixture.clockAt;
import static de.nrw.intervention.reminder.ReminderFixture.recipients;
import static de.nrw.intervention.reminder.ReminderFixture.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.nrw.intervention.schoolnotice.SchoolNotice;
import de.nrw.intervention.schoolthreat.SchoolThreatReport;
import de.nrw.intervention.testsupport.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reminders and escalations of the two school processes, as deployed from {@code processes/}: the real job
 * executor, a real SMTP server and the engine clock moved. The threat assessment's reminder lead comes from its
 * deadlines decision (minutes); a school notice not acknowledged at the start of the school day escalates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "intervention.models.processes-dir=processes",
    "intervention.models.forms-dir=forms",
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=300"})
@ActiveProfiles({"demo", "test"})
class SchoolProcessesReminderIT {

  private static final int SMTP_PORT = ReminderFixture.freePort();
  private static final Duration SETTLE = Duration.ofSeconds(20);
  /** Tuesday 24 November 2026, 09:15 in Köln. */
  private static final Instant REPORTED = Instant.parse("2026-11-24T08:15:00Z");
  /** Friday before the autumn holidays, 11:00 in Köln; school starts again on Monday 2 November, 08:00 (07:00 UTC). */
  private static final Instant NOTICE_MADE = Instant.parse("2026-10-16T09:00:00Z");
  private static final Instant SCHOOL_START = Instant.parse("2026-11-02T07:00:00Z");

  @RegisterExtension
  static final GreenMailExtension greenMail =
      TestMailServer.smtp(SMTP_PORT);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry, SMTP_PORT);
  }

  @Autowired ProcessEngine engine;

  @BeforeEach
  void cleanMailbox() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void tearDown() {
    ReminderFixture.endOpenCases(engine, SETTLE);
  }

  @Test
  void threatAssessment_remindedByTheDecisionsLeadInMinutes_thenEscalatedToTheSupervisors() {
    clockAt(REPORTED);
    engine.getRuntimeService().startProcessInstanceByKey(SchoolThreatReport.PROCESS_KEY, Map.of(
        "caseReference", "165432-2026-91", "district", "koeln",
        "threatDescription", "Zettel an der Tafel", "threatDateTime", "2026-11-24T08:40+01:00",
        "threatenedBy", "unknown", "knownThrough", "writing", "reporterPhone", "0221 555010"));

    // The crisis officer acknowledges within the hour (fixed lead 30 minutes), then the supervisors are told.
    clockAt(REPORTED.plus(Duration.ofMinutes(30)).plusSeconds(1));
    assertThat(recipients(awaitMail("Meldung der Bedrohungslage bestätigen", "Erinnerung")))
        .containsExactly("krisenintervention@schulamt-koeln.example");
    clockAt(REPORTED.plus(Duration.ofMinutes(60)).plusSeconds(1));
    assertThat(recipients(awaitMail("Meldung der Bedrohungslage bestätigen", "Überfällig")))
        .containsExactly("supervisor@polizei-koeln.example");

    // The police's assessment is due after 2 hours; the decision's reminder lead is 30 minutes.
    clockAt(REPORTED.plus(Duration.ofMinutes(89)));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(mails("Bedrohungslage einschätzen")).isEmpty();

    clockAt(REPORTED.plus(Duration.ofMinutes(90)).plusSeconds(1));
    MimeMessage reminder = awaitMail("Bedrohungslage einschätzen", "Erinnerung");
    assertThat(recipients(reminder)).containsExactly("officer@polizei-koeln.example");
    assertThat(subject(reminder)).contains("165432-2026-91").doesNotContain("Tafel");

    clockAt(REPORTED.plus(Duration.ofHours(2)).plusSeconds(1));
    MimeMessage escalation = awaitMail("Bedrohungslage einschätzen", "Überfällig");
    assertThat(recipients(escalation)).containsExactly("supervisor@polizei-koeln.example");
  }

  @Test
  void schoolNotice_notAcknowledgedAtSchoolStart_escalatesToTheDutyOfficerAndTheJugendamt() {
    clockAt(NOTICE_MADE);
    ProcessInstance notice = engine.getRuntimeService().startProcessInstanceByKey(SchoolNotice.PROCESS_KEY,
        "KOE-2026-009901/1", Map.of("caseReference", "KOE-2026-009901/1", "district", "koeln",
            "noticeChildFirstName", "Lena", "noticeChildSchool", "Grundschule Am Rhein, Klasse 3b",
            "policeAttendedOn", "2026-10-15", "childPresent", "yes", "noticeLegalBasis", "parentalConsent"));

    // Nothing happens during the holidays; one hour before school starts the school's contacts are reminded.
    clockAt(SCHOOL_START.minus(Duration.ofHours(1)).minusSeconds(1));
    awaitNoDueDeadlineJobs(engine, SETTLE);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    clockAt(SCHOOL_START.minus(Duration.ofHours(1)).plusSeconds(1));
    assertThat(recipients(awaitMail("Mitteilung der Polizei bestätigen", "Erinnerung")))
        .containsExactly("teacher@schule-koeln.example");
    assertThat(tasks(notice)).extracting(Task::getTaskDefinitionKey)
        .containsExactly(SchoolNotice.Elements.ACKNOWLEDGE_SCHOOL_NOTICE);

    clockAt(SCHOOL_START.plusSeconds(1));
    assertThat(recipients(awaitMail("Mitteilung der Polizei bestätigen", "Überfällig")))
        .containsExactly("supervisor@polizei-koeln.example");
    await().atMost(SETTLE).until(() -> tasks(notice).size() == 3);
    assertThat(tasks(notice)).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(
        SchoolNotice.Elements.ACKNOWLEDGE_SCHOOL_NOTICE, SchoolNotice.Elements.FOLLOW_UP_UNACKNOWLEDGED_NOTICE,
        SchoolNotice.Elements.TAKE_NOTE_OF_UNACKNOWLEDGED_NOTICE);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(notice.getId())
        .taskCandidateGroup("youthWelfareKoeln").count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(notice.getId())
        .taskCandidateGroup("policeSupervisorKoeln").count()).isEqualTo(1);
  }

  private List<Task> tasks(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
  }

  /** Mails about one task, by the task's name in the subject. */
  private static List<MimeMessage> mails(String taskName) {
    return List.of(greenMail.getReceivedMessages()).stream()
        .filter(mail -> subject(mail).contains("„" + taskName)).toList();
  }

  private static MimeMessage awaitMail(String taskName, String kind) {
    await().atMost(SETTLE).until(() -> mails(taskName).stream().anyMatch(mail -> subject(mail).startsWith(kind)));
    return mails(taskName).stream().filter(mail -> subject(mail).startsWith(kind)).findFirst().orElseThrow();
  }
}
