package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The demo profile's mail sink: a reminder sent through it arrives at the embedded server and as an .eml file. */
class DemoMailServerTest {

  @TempDir Path folder;

  @Test
  void sentMail_reachesTheEmbeddedServer_andIsWrittenAsEml() throws Exception {
    MailProperties mail = new MailProperties();
    mail.setHost("127.0.0.1");
    mail.setPort(ReminderFixture.freePort());
    DemoMailServer demo = new DemoMailServer();
    GreenMail server = demo.demoSmtpServer(mail);
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost(mail.getHost());
      sender.setPort(mail.getPort());
      ReminderMailer mailer = new ReminderMailer(sender, sender::send, new MailTemplates(Locale.GERMAN), "reminders@intervention.example",
          demo.demoMailFolder(properties(folder)));

      mailer.send(MailKind.REMINDER, new MailFacts("task-42", "Check case", "Fixture", "4. März 2026, 09:00",
          "KOE-2026-000042", "http://localhost:8080/camunda/app/tasklist/default/#/?task=task-42"), List.of("officer@polizei-koeln.example"));

      assertThat(server.getReceivedMessages()).hasSize(1);
      try (Stream<Path> files = Files.list(folder)) {
        List<Path> eml = files.toList();
        assertThat(eml).singleElement().satisfies(file -> {
          assertThat(file.getFileName().toString()).endsWith("-reminder-task-42.eml");
          assertThat(Files.readString(file)).contains("KOE-2026-000042", "multipart/alternative");
        });
      }
    } finally {
      server.stop();
    }
  }

  private static ReminderProperties properties(Path folder) {
    return new ReminderProperties(true, "reminders@intervention.example", Duration.ofHours(24), "R5/PT5M",
        Locale.GERMAN, "http://localhost:8080/camunda/app/tasklist/default",
        "policeSupervisorGroup", new ReminderProperties.DemoMail(true, folder),
        new ReminderProperties.Smtp(8, Duration.ofSeconds(30), 100));
  }
}
