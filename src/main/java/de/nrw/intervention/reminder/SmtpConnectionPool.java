package de.nrw.intervention.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Keeps a few SMTP connections open between mails. {@link JavaMailSenderImpl#send} connects, says EHLO
 * (and STARTTLS and AUTH, with a real server) and QUITs for every mail; after an outage thousands of
 * reminders are due at once, and that handshake is most of the cost of each.
 *
 * <p>Safety: a connection taken from the pool is first checked with a NOOP ({@link Transport#isConnected()});
 * if the server closed it (restart, idle timeout) it is dropped and a new one is opened. That reconnect is safe
 * because nothing of the mail has been sent yet. A failure <em>while</em> sending is never repeated here: the
 * connection is closed and the exception goes to the job, which retries through the engine exactly as
 * before, so the at-least-once window is the one in docs/REMINDERS.md and no wider.
 *
 * <p>A connection serves one thread at a time; at most {@code size} idle ones are kept, each for at most
 * {@code maxIdle} and {@code maxMessages} mails (many servers limit messages per connection). Size 0 opens
 * and closes a connection per mail, as Spring does.
 */
class SmtpConnectionPool implements ReminderMailer.Outbox, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnectionPool.class);

  private final JavaMailSenderImpl sender;
  private final Session session;
  private final String protocol;
  private final int size;
  private final Duration maxIdle;
  private final int maxMessages;
  private final Clock clock;
  private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final AtomicLong opened = new AtomicLong();
  private volatile boolean closed;

  SmtpConnectionPool(JavaMailSenderImpl sender, int size, Duration maxIdle, int maxMessages, Clock clock) {
    if (size < 0 || maxMessages < 1 || maxIdle.isNegative()) {
      throw new IllegalArgumentException("SMTP pool: size >= 0, max-messages >= 1, max-idle >= 0 required");
    }
    this.sender = sender;
    this.protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
    this.session = noDelaySession(sender.getSession(), protocol);
    this.size = size;
    this.maxIdle = maxIdle;
    this.maxMessages = maxMessages;
    this.clock = clock;
  }

  /** Sends one message to all its recipients in one SMTP transaction; Spring's exception types on failure. */
  @Override
  public void send(MimeMessage message) throws MailException {
    Connection connection = borrow();
    try {
      // What JavaMailSenderImpl does before sending: a date, and headers (Message-ID) fixed once.
      if (message.getSentDate() == null) {
        message.setSentDate(new Date(clock.millis()));
      }
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
      connection.transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException | RuntimeException e) {
      // The connection's state is unknown now: never reuse it, never resend here; the job retries.
      connection.close();
      throw e instanceof MessagingException m ? new MailSendException("Sending the mail failed", m)
          : (RuntimeException) e;
    }
    giveBack(connection);
  }

  private Connection borrow() {
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      if (connection.isFresh() && connection.transport.isConnected()) {
        return connection;
      }
      // Idle too long, or the server closed it (restart, its own idle timeout): nothing was sent on it yet.
      LOG.debug("SMTP connection dropped from the pool (idle too long or closed by the server)");
      connection.close();
    }
    return open();
  }

  private Connection open() {
    try {
      Transport transport = session.getTransport(protocol);
      transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
      opened.incrementAndGet();
      return new Connection(transport);
    } catch (jakarta.mail.AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      throw new MailSendException("Connecting to the mail server failed", e);
    }
  }

  /**
   * The sender's session (all {@code spring.mail.properties}) plus TCP_NODELAY for plain SMTP and STARTTLS. Left
   * alone when a socket factory is configured or the connection is TLS from the start (its factory is the SSL one).
   */
  private static Session noDelaySession(Session configured, String protocol) {
    Properties properties = new Properties();
    properties.putAll(configured.getProperties());
    String prefix = "mail." + protocol + ".";
    boolean tls = "smtps".equals(protocol) || Boolean.parseBoolean(String.valueOf(properties.get(prefix + "ssl.enable")));
    if (tls || properties.containsKey(prefix + "socketFactory") || properties.containsKey(prefix + "socketFactory.class")) {
      return configured;
    }
    properties.put(prefix + "socketFactory", new NoDelaySocketFactory());
    return Session.getInstance(properties);
  }

  private void giveBack(Connection connection) {
    connection.messages++;
    connection.lastUsed = clock.millis();
    if (closed || size == 0 || connection.messages >= maxMessages) {
      connection.close();
      return;
    }
    // Most recently used first, so surplus connections age out at the tail.
    idle.offerFirst(connection);
    while (idle.size() > size || (closed && !idle.isEmpty())) {
      Connection surplus = idle.pollLast();
      if (surplus != null) {
        surplus.close();
      }
    }
  }

  /** Connections opened so far (for tests). */
  long openedConnections() {
    return opened.get();
  }

  /** Idle connections kept open now (for tests). */
  int idleConnections() {
    return idle.size();
  }

  @Override
  public void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      connection.close();
    }
  }

  private final class Connection {
    final Transport transport;
    int messages;
    long lastUsed = clock.millis();

    Connection(Transport transport) {
      this.transport = transport;
    }

    boolean isFresh() {
      return clock.millis() - lastUsed <= maxIdle.toMillis();
    }

    void close() {
      try {
        transport.close();
      } catch (MessagingException | RuntimeException e) {
        // QUIT on a broken connection fails; the socket is closed either way.
        LOG.debug("Closing an SMTP connection failed: {}", e.getMessage());
      }
    }
  }
}
