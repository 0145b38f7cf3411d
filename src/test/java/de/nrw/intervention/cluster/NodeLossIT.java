package de.nrw.intervention.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.nrw.intervention.testsupport.PackagedApp;
import de.nrw.intervention.testsupport.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

/**
 * A node killed with SIGKILL while it sends reminders: the surviving node takes over its locked jobs once their lock
 * time has passed, every reminder arrives, and none twice: a mail that left node A before its job's transaction
 * committed is in the sent-mail record, which node B reads before sending (docs/REMINDERS.md "Sent-mail record").
 */
class NodeLossIT {

  private static final int CASES = 200;
  private static final Duration LOCK_TIME = Duration.ofSeconds(10);
  private static final int JOB_THREADS = 4;
  private static final Pattern TASK_LINK = Pattern.compile("task=([0-9a-f-]{36})");

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private final List<AppNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (AppNode node : nodes) {
      node.close();
    }
  }

  @Test
  void killedNode_itsJobsRunOnTheOtherNodeAfterTheLockTime_nothingLost() throws Exception {
    String database = TestPostgres.newDatabase();
    AppNode nodeA = start("node-a", database).awaitReady();
    // Every case's compliance check is due 3 days after the order, its reminder 12 hours before (reminderLead PT12H).
    // All reminders fall due at the same moment, shortly after the cases are created, as after an outage.
    Instant remindersDue = Instant.now().plusSeconds(120);
    OffsetDateTime ordered = remindersDue.plus(Duration.ofHours(12)).minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC);
    for (int i = 1; i <= CASES; i++) {
      assertThat(nodeA.startBanCase("KOE-LOSS-" + i, ordered.toString())).isEqualTo(HttpStatus.OK);
    }
    int expected = CASES;
    assertThat(Instant.now()).as("all cases created before their reminders fall due").isBefore(remindersDue);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    Awaitility.await("node A sends its first mails").dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
        .until(() -> greenMail.getReceivedMessages().length >= expected / 10);
    nodeA.kill();
    Instant killed = Instant.now();
    int sentByA = greenMail.getReceivedMessages().length;

    AppNode nodeB = start("node-b", database).awaitReady();
    Awaitility.await("node B delivers the rest").dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
        .until(() -> delivered().size() == expected);
    Duration takeover = Duration.between(killed, Instant.now());

    Map<String, Long> perJob = delivered();
    int total = greenMail.getReceivedMessages().length;
    long duplicates = total - perJob.size();
    double prevented = nodeB.metric("intervention_reminders_duplicates_prevented_total");
    double recorded = nodeB.metric("intervention_reminders_record_delay_seconds_count");
    double recordSeconds = nodeB.metric("intervention_reminders_record_delay_seconds_sum");
    double recordMaxSeconds = nodeB.metric("intervention_reminders_record_delay_seconds_max");
    System.out.printf("NODE-LOSS: %d mails expected, node A sent %d before SIGKILL, node B finished the rest %d s after "
        + "the kill (lock time %d s); %d mails in all, %d duplicates; node B found %.0f job(s) of node A already sent "
        + "(sent-mail record) and did not send them again; SMTP accept to record commit on node B: mean %.2f ms, "
        + "max %.2f ms over %.0f mails%n",
        expected, sentByA, takeover.toSeconds(), LOCK_TIME.toSeconds(), total, duplicates, prevented,
        recorded == 0 ? 0 : recordSeconds * 1000 / recorded, recordMaxSeconds * 1000, recorded);
    assertThat(perJob).hasSize(expected).allSatisfy((job, count) -> assertThat(job).startsWith("Reminder/"));
    assertThat(sentByA).isLessThan(expected);
    // The kill comes the moment the test sees node A's latest mail, so it often lands in that mail's window between
    // the mail server's acceptance and the record's commit (docs/REMINDERS.md, "Sent-mail record"): such a mail goes
    // out twice. Without the record, every job node A held sent-but-uncommitted went out twice.
    assertThat(duplicates).as("mails sent twice: only those inside the window at the kill").isLessThanOrEqualTo(2);
    assertThat(nodeB.rest("demo").getForObject("/engine-rest/job/count?withException=true", Map.class).get("count"))
        .isEqualTo(0);
  }

  /** Mails per (kind, task): "Reminder: ..." / "Overdue: ..." and the task id of the Tasklist link. */
  private static Map<String, Long> delivered() {
    return java.util.Arrays.stream(greenMail.getReceivedMessages())
        .map(NodeLossIT::jobKey)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static String jobKey(MimeMessage message) {
    try {
      Matcher link = TASK_LINK.matcher(GreenMailUtil.getBody(message));
      String task = link.find() ? link.group(1) : "?";
      return message.getSubject().split(":")[0] + "/" + task;
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private AppNode start(String name, String database) throws IOException {
    AppNode node = AppNode.start(name, database,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + greenMail.getSmtp().getPort(),
        "--intervention.reminders.demo-mail.enabled=false",
        "--intervention.reminders.locale=en",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
        "--camunda.bpm.job-execution.core-pool-size=" + JOB_THREADS,
        "--camunda.bpm.job-execution.max-pool-size=" + JOB_THREADS);
    nodes.add(node);
    return node;
  }

  private static int freePort() {
    try {
      return PackagedApp.freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
