package de.nrw.intervention.reminder;

import static de.nrw.intervention.reminder.ReminderFixture.PROCESS;
import static de.nrw.intervention.reminder.ReminderFixture.startCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.nrw.intervention.testsupport.TestMailServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail server goes down in the middle of a drain of 1,000 reminders and comes back on the same port before the
 * retry cycle is used up: every reminder arrives exactly once, and no incident is raised. (That exhausted retries do
 * raise one, on the case, is {@code ReminderIT.smtpDown_retriesThenIncidentOnTheCase_...}.)
 *
 * <p>The retry cycle is {@value #RETRY_CYCLE} instead of production's R5/PT5M, so the test takes seconds, not
 * minutes; the outage ({@link #OUTAGE}) spans two attempts of a job that fails at its start, leaving two of four
 * retries unused.
 */
@SpringBootTest(properties = {
    "intervention.models.processes-dir=src/test/resources/fixtures/reminder/processes",
    "intervention.models.forms-dir=src/test/resources/fixtures/models/forms",
    "intervention.reminders.locale=en",
    "intervention.reminders.retry-cycle=" + MailOutageIT.RETRY_CYCLE,
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=300"})
@ActiveProfiles({"demo", "test"})
// No other test shares this retry cycle: close the context (and its job executor) after the class, not at JVM exit.
@DirtiesContext
class MailOutageIT {

  static final String RETRY_CYCLE = "R5/PT10S";
  private static final int REMINDERS = 1_000;
  /** camunda.bpm.job-execution.max-pool-size in application.yaml: at most this many mails in flight at once. */
  private static final int JOB_THREADS = 8;
  private static final Duration OUTAGE = Duration.ofSeconds(15);
  private static final int SMTP_PORT = ReminderFixture.freePort();
  private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry, SMTP_PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired MeterRegistry meters;

  private final GreenMail greenMail = new GreenMail(SMTP);

  @AfterEach
  void tearDown() {
    greenMail.stop();
    ClockUtil.reset();
    List<String> open = engine.getRuntimeService().createProcessInstanceQuery().list().stream()
        .map(ProcessInstance::getId).toList();
    if (!open.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(open, "test cleanup", false, true);
    }
  }

  @Test
  void mailServerDownMidDrain_everyReminderArrivesOnce_noIncident() throws Exception {
    ReminderFixture.deployRouting(engine);
    Instant due = Instant.now().plus(Duration.ofDays(2));
    // In parallel, as caseworkers would: one after the other took most of the test's time.
    IntStream.range(0, REMINDERS).parallel().forEach(i ->
        startCase(engine, PROCESS, String.format("BN-2026-%06d", 700000 + i), "policeBonn", "bonn", due));
    greenMail.start();
    double failuresBefore = failures();

    // Every reminder (due − 24 h) falls due at once; the clock keeps running, so retries fall due in real time.
    long start = System.nanoTime();
    ClockUtil.offset(Duration.ofDays(1).plusSeconds(1).toMillis());
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
        .until(() -> greenMail.getReceivedMessages().length >= REMINDERS / 5);
    // GreenMail.stop() starts an empty store for the next start; the old one keeps what arrived before the outage.
    Managers beforeOutage = greenMail.getManagers();
    greenMail.stop();
    int sentBeforeOutage = messages(beforeOutage).size();
    Thread.sleep(OUTAGE.toMillis());
    double failuresDuringOutage = failures() - failuresBefore;
    greenMail.start();
    long restarted = System.nanoTime();

    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
        // Every reminder arrived, and no job is between a failed attempt and its retry.
        .until(() -> distinctSubjects(beforeOutage) == REMINDERS
            && engine.getManagementService().createJobQuery().withException().count() == 0);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long afterRestart = (System.nanoTime() - restarted) / 1_000_000;
    // Read only now: a session the stop cut short may still have delivered into the old store.
    List<MimeMessage> received = new ArrayList<>(messages(beforeOutage));
    received.addAll(Arrays.asList(greenMail.getReceivedMessages()));

    Map<String, Long> perReminder = received.stream()
        .collect(Collectors.groupingBy(ReminderFixture::subject, Collectors.counting()));
    long duplicates = received.size() - perReminder.size();
    List<String> twice = perReminder.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
        .toList();
    List<String> storedBeforeOutage = messages(beforeOutage).stream().map(ReminderFixture::subject).toList();
    long lost = REMINDERS - perReminder.size();
    long incidents = engine.getRuntimeService().createIncidentQuery().count();
    System.out.printf("MAIL-OUTAGE: %d reminders, mail server stopped after %d for %d s (retry cycle %s); all "
        + "delivered %d ms after they fell due (%d ms after the server came back); %.0f failed attempts retried "
        + "(%.0f during the outage); %d duplicates, %d lost, %d incidents%n",
        REMINDERS, sentBeforeOutage, OUTAGE.toSeconds(), RETRY_CYCLE, millis, afterRestart,
        failures() - failuresBefore,
        failuresDuringOutage, duplicates, lost, incidents);
    twice.forEach(subject -> System.out.println("MAIL-OUTAGE twice: " + subject));

    assertThat(failuresDuringOutage).as("sends failed while the server was down").isPositive();
    assertThat(lost).as("reminders lost").isZero();
    // The one window left is SMTP's own: a mail the server stored in the instant it went down, whose "250 OK" never
    // reached us, counts as failed and is sent again. So a duplicate is a mail of the old store, at most one per job
    // thread sending at that instant; any other duplicate would be ours.
    assertThat(twice).as("reminders delivered twice").hasSizeLessThanOrEqualTo(JOB_THREADS)
        .allSatisfy(subject -> assertThat(storedBeforeOutage).as("first copy stored before the outage").contains(subject));
    assertThat(perReminder.values()).as("copies per reminder").allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
    assertThat(incidents).as("incidents before the retry cycle was used up").isZero();
    assertThat(engine.getManagementService().createJobQuery().noRetriesLeft().count()).isZero();
  }

  private long distinctSubjects(Managers beforeOutage) {
    return Stream.concat(messages(beforeOutage).stream(), Arrays.stream(greenMail.getReceivedMessages()))
        .map(ReminderFixture::subject).distinct().count();
  }

  private double failures() {
    return meters.get("intervention.reminders.failures").tag("kind", "reminder").counter().count();
  }

  private static List<MimeMessage> messages(Managers store) {
    return store.getImapHostManager().getAllMessages().stream().map(StoredMessage::getMimeMessage).toList();
  }
}
