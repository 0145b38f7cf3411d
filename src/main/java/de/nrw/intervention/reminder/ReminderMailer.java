package de.nrw.intervention.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one multipart (plain text + HTML) mail to all recipients at once: one SMTP transaction, so a
 * failure leaves nobody half-notified and the retried job does not mail the same person twice.
 */
class ReminderMailer {

  private final JavaMailSender mailSender;
  private final Outbox outbox;
  private final MailTemplates templates;
  private final String from;
  private final SentMailArchive archive;

  /**
   * @param mailSender creates the messages (its session carries the {@code spring.mail.properties})
   * @param outbox     delivers them: over a kept-open connection ({@link SmtpConnectionPool}), or
   *                   {@code mailSender::send} for one connection per mail
   */
  ReminderMailer(JavaMailSender mailSender, Outbox outbox, MailTemplates templates, String from,
      SentMailArchive archive) {
    this.mailSender = mailSender;
    this.outbox = outbox;
    this.templates = templates;
    this.from = from;
    this.archive = archive;
  }

  void send(MailKind kind, MailFacts facts, List<String> to) throws MailException {
    MailTemplates.RenderedMail mail = templates.render(kind, facts);
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    outbox.send(message);
    archive.sent(kind, facts.taskId(), message);
  }

  /** Hands a finished message to the mail server; throws Spring's {@link MailException} when it was not accepted. */
  @FunctionalInterface
  interface Outbox {
    void send(MimeMessage message) throws MailException;
  }

  /** Where the demo profile keeps a copy of every sent mail; in production nothing is kept. */
  interface SentMailArchive {
    SentMailArchive NONE = (kind, taskId, message) -> { };

    void sent(MailKind kind, String taskId, MimeMessage message);
  }
}
