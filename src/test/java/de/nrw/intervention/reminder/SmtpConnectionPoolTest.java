package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.nrw.intervention.testsupport.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Kept-open SMTP connections against a real SMTP server (GreenMail): every mail arrives exactly once, connections
 * are reused, and a server restart or an idle timeout costs a reconnect, never a mail.
 */
class SmtpConnectionPoolTest {

  private final int port = ReminderFixture.freePort();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
  private GreenMail server;

  @BeforeEach
  void startServer() {
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
    server = smtpServer();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void manyMailsFromSeveralThreads_eachArrivesOnce_overAFewReusedConnections() throws Exception {
    try (SmtpConnectionPool pool = new SmtpConnectionPool(sender, 4, Duration.ofSeconds(30), 1000, clock)) {
      ReminderMailer mailer = mailer(pool);
      ExecutorService threads = Executors.newFixedThreadPool(4);
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String taskId = "task-" + i;
        sends.add(threads.submit(() -> {
          mailer.send(MailKind.REMINDER, facts(taskId), List.of("a@koeln.example", "b@koeln.example"));
          return null;
        }));
      }
      for (Future<?> send : sends) {
        send.get();
      }
      threads.shutdown();

      // One copy per recipient: 2 × 60, and each task's mail once per recipient.
      MimeMessage[] received = server.getReceivedMessages();
      assertThat(received).hasSize(120);
      Map<String, Long> copiesPerTask = Arrays.stream(received).map(SmtpConnectionPoolTest::taskId)
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(copiesPerTask).hasSize(60).allSatisfy((task, copies) -> assertThat(copies).isEqualTo(2));
      assertThat(pool.openedConnections()).as("connections opened for 60 mails on 4 threads").isBetween(1L, 4L);
      assertThat(pool.idleConnections()).isBetween(1, 4);
    }
  }

  @Test
  void serverRestartedBetweenMails_theNextMailReconnects_andArrives() throws Exception {
    try (SmtpConnectionPool pool = new SmtpConnectionPool(sender, 2, Duration.ofSeconds(30), 1000, clock)) {
      ReminderMailer mailer = mailer(pool);
      mailer.send(MailKind.REMINDER, facts("task-1"), List.of("a@koeln.example"));
      assertThat(pool.idleConnections()).isEqualTo(1);

      server.stop(); // closes the kept-open connection from the server's side
      server = smtpServer();
      mailer.send(MailKind.REMINDER, facts("task-2"), List.of("a@koeln.example"));

      assertThat(server.getReceivedMessages()).extracting(SmtpConnectionPoolTest::taskId).containsExactly("task-2");
      assertThat(pool.openedConnections()).isEqualTo(2);
    }
  }

  @Test
  void serverDown_theSendFailsForTheJobToRetry_andWorksAgainOnceTheServerIsBack() throws Exception {
    try (SmtpConnectionPool pool = new SmtpConnectionPool(sender, 2, Duration.ofSeconds(30), 1000, clock)) {
      ReminderMailer mailer = mailer(pool);
      mailer.send(MailKind.REMINDER, facts("task-1"), List.of("a@koeln.example"));
      server.stop();

      assertThatThrownBy(() -> mailer.send(MailKind.REMINDER, facts("task-2"), List.of("a@koeln.example")))
          .isInstanceOf(MailSendException.class);
      assertThat(pool.idleConnections()).isZero();

      server = smtpServer();
      mailer.send(MailKind.REMINDER, facts("task-2"), List.of("a@koeln.example"));
      assertThat(server.getReceivedMessages()).extracting(SmtpConnectionPoolTest::taskId).containsExactly("task-2");
    }
  }

  @Test
  void connectionIdleTooLong_orUsedForTooManyMails_isReplaced() throws Exception {
    try (SmtpConnectionPool pool = new SmtpConnectionPool(sender, 2, Duration.ofSeconds(30), 3, clock)) {
      ReminderMailer mailer = mailer(pool);
      mailer.send(MailKind.REMINDER, facts("task-1"), List.of("a@koeln.example"));
      mailer.send(MailKind.REMINDER, facts("task-2"), List.of("a@koeln.example"));
      assertThat(pool.openedConnections()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(31));
      mailer.send(MailKind.REMINDER, facts("task-3"), List.of("a@koeln.example"));
      assertThat(pool.openedConnections()).as("reopened after the idle time").isEqualTo(2);

      mailer.send(MailKind.REMINDER, facts("task-4"), List.of("a@koeln.example"));
      mailer.send(MailKind.REMINDER, facts("task-5"), List.of("a@koeln.example"));
      assertThat(pool.idleConnections()).as("closed after 3 mails").isZero();
      mailer.send(MailKind.REMINDER, facts("task-6"), List.of("a@koeln.example"));
      assertThat(pool.openedConnections()).isEqualTo(3);

      assertThat(server.getReceivedMessages()).extracting(SmtpConnectionPoolTest::taskId)
          .containsExactly("task-1", "task-2", "task-3", "task-4", "task-5", "task-6");
    }
  }

  @Test
  void sizeZero_opensOneConnectionPerMail_andKeepsNone() throws Exception {
    try (SmtpConnectionPool pool = new SmtpConnectionPool(sender, 0, Duration.ofSeconds(30), 100, clock)) {
      ReminderMailer mailer = mailer(pool);
      mailer.send(MailKind.REMINDER, facts("task-1"), List.of("a@koeln.example"));
      mailer.send(MailKind.REMINDER, facts("task-2"), List.of("a@koeln.example"));

      assertThat(pool.openedConnections()).isEqualTo(2);
      assertThat(pool.idleConnections()).isZero();
      assertThat(server.getReceivedMessages()).hasSize(2);
    }
  }

  @Test
  void plainSmtpSockets_sendWithoutNagleDelay() throws Exception {
    try (java.net.Socket socket = new NoDelaySocketFactory().createSocket("127.0.0.1", port)) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  private GreenMail smtpServer() {
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  private ReminderMailer mailer(SmtpConnectionPool pool) {
    return new ReminderMailer(sender, pool, new MailTemplates(Locale.ENGLISH), "reminders@intervention.example",
        ReminderMailer.SentMailArchive.NONE);
  }

  private static MailFacts facts(String taskId) {
    return new MailFacts(taskId, "Check case", "Fixture", "March 4, 2026, 9:00 AM", "KOE-2026-000042",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  /** The task id from the mail's Tasklist link, which every mail carries. */
  private static String taskId(MimeMessage message) {
    try {
      String text = String.join("\n", ReminderFixture.textParts(message).values());
      int at = text.indexOf("?task=") + "?task=".length();
      int end = at;
      while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-')) {
        end++;
      }
      return text.substring(at, end);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
