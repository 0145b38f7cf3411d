package de.nrw.intervention.reminder;

import static de.nrw.intervention.reminder.ReminderFixture.PROCESS;
import static de.nrw.intervention.reminder.ReminderFixture.T0;
import static de.nrw.intervention.reminder.ReminderFixture.clockAt;
import static de.nrw.intervention.reminder.ReminderFixture.startCase;
import static de.nrw.intervention.reminder.ReminderFixture.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import de.nrw.intervention.InterventionApplication;
import de.nrw.intervention.testsupport.TestMailServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes, one database: two application contexts in this JVM, each with its own process engine and job
 * executor, on one H2 file database. Every reminder must reach the SMTP server exactly once.
 */
class ReminderClusterIT {

  private static final int SMTP_PORT = ReminderFixture.freePort();
  private static final int CASES = 200;

  @RegisterExtension
  static final GreenMailExtension greenMail =
      TestMailServer.smtp(SMTP_PORT);

  private static ConfigurableApplicationContext node1;
  private static ConfigurableApplicationContext node2;

  @BeforeAll
  static void startTwoNodes() {
    String database = "jdbc:h2:file:" + Path.of("target", "reminder-cluster-" + UUID.randomUUID(), "intervention")
        .toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    node1 = node("node1", database);
    node2 = node("node2", database);
  }

  @AfterAll
  static void stopNodes() {
    ClockUtil.reset();
    if (node2 != null) {
      node2.close();
    }
    if (node1 != null) {
      node1.close();
    }
  }

  @Test
  void twoNodesOneDatabase_everyReminderReachesTheMailServerExactlyOnce() {
    ProcessEngine engine1 = node1.getBean(ProcessEngine.class);
    ProcessEngine engine2 = node2.getBean(ProcessEngine.class);
    ReminderFixture.deployRouting(engine1);
    clockAt(T0);
    for (int i = 0; i < CASES; i++) {
      // Cases are opened on both nodes, as a load balancer would spread them.
      startCase(i % 2 == 0 ? engine1 : engine2, PROCESS, caseReference(i), "policeBonn", "bonn", T0.plus(Duration.ofDays(2)));
    }

    long start = System.nanoTime();
    clockAt(T0.plus(Duration.ofDays(1)).plusSeconds(1));
    await().atMost(Duration.ofSeconds(90)).until(() -> greenMail.getReceivedMessages().length >= CASES);
    long millis = (System.nanoTime() - start) / 1_000_000;
    ReminderFixture.awaitNoDueDeadlineJobs(engine1, Duration.ofSeconds(30));

    Map<String, Long> mailsPerCase = Arrays.stream(greenMail.getReceivedMessages())
        .map(message -> subject(message).replaceAll(".*\\(case (.*)\\)$", "$1"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(mailsPerCase).hasSize(CASES).allSatisfy((reference, count) -> assertThat(count).as(reference).isOne());
    double sent1 = remindersSent(node1);
    double sent2 = remindersSent(node2);
    assertThat(sent1 + sent2).isEqualTo(CASES);
    System.out.printf("REMINDER CLUSTER: %d reminders, node1 sent %.0f, node2 sent %.0f, in %d ms = %.1f reminders/s%n",
        CASES, sent1, sent2, millis, CASES * 1000.0 / millis);
  }

  private static String caseReference(int i) {
    return String.format("BN-2026-%06d", 900000 + i);
  }

  private static double remindersSent(ConfigurableApplicationContext node) {
    return node.getBean(MeterRegistry.class).get("intervention.reminders.sent").tag("to", "caseworkers").counter().count();
  }

  private static ConfigurableApplicationContext node(String name, String database) {
    return new SpringApplicationBuilder(InterventionApplication.class)
        .web(WebApplicationType.SERVLET)
        .profiles("demo", "test")
        // Arguments, not default properties: they must win over application.yaml (server.port, datasource).
        .run("--spring.datasource.url=" + database,
            "--server.port=0",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + SMTP_PORT,
            "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.job-execution.wait-time-in-millis=100",
            "--camunda.bpm.job-execution.max-wait=300",
            "--intervention.models.processes-dir=src/test/resources/fixtures/reminder/processes",
            "--intervention.models.forms-dir=src/test/resources/fixtures/models/forms",
            "--intervention.reminders.locale=en");
  }
}
