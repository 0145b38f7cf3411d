package de.nrw.intervention.reminder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo profile only: an embedded SMTP server (GreenMail) on {@code spring.mail.port}, so reminders work on a
 * laptop without a mail server, and a copy of every sent mail as an .eml file (open it with any mail client).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "intervention.reminders.demo-mail.enabled", matchIfMissing = true)
class DemoMailServer {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  @Bean(destroyMethod = "stop")
  GreenMail demoSmtpServer(MailProperties mail) {
    GreenMail server = new GreenMail(new ServerSetup(mail.getPort(), mail.getHost(), ServerSetup.PROTOCOL_SMTP));
    try {
      server.start();
      LOG.info("Demo SMTP server listening on {}:{}; sent mails are also written to the demo mail folder",
          mail.getHost(), mail.getPort());
    } catch (RuntimeException e) {
      // A second demo instance on the same machine: its mails go to the first one's server.
      LOG.warn("Demo SMTP server could not start on port {} ({}); reminders go to whatever listens there",
          mail.getPort(), e.getMessage());
    }
    return server;
  }

  @Bean
  ReminderMailer.SentMailArchive demoMailFolder(ReminderProperties properties) {
    Path directory = properties.demoMail().directory().toAbsolutePath();
    return (kind, taskId, message) -> write(directory, kind, taskId, message);
  }

  private static void write(Path directory, MailKind kind, String taskId, MimeMessage message) {
    Path file = directory.resolve(LocalDateTime.now().format(FILE_TIME) + "-" + kind.template() + "-" + taskId + ".eml");
    try {
      Files.createDirectories(directory);
      try (OutputStream out = Files.newOutputStream(file)) {
        message.writeTo(out);
      }
      LOG.info("Demo mail: {} for task {} written to {}", kind.template(), taskId, file);
    } catch (IOException | MessagingException e) {
      // The mail has been sent; a missing copy must not make the job send it again.
      LOG.warn("Demo mail: could not write {}: {}", file, e.getMessage());
    }
  }
}
