package de.nrw.intervention.reminder;

import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jakarta Mail 2.1 looks up its {@link StreamProvider} with a {@link java.util.ServiceLoader} every time a message,
 * multipart or encoded header needs one (jakartaee/mail-api#699, #861, still open in 2.1.5): a few dozen class-path
 * scans per mail, which in the packaged jar cost more than half of a reminder's CPU (JFR, docs/REMINDERS.md).
 * Jakarta Mail's own first choice is the system property {@code jakarta.mail.util.StreamProvider}; naming there the
 * provider the ServiceLoader finds makes each lookup a class-by-name instead of a scan, with the same provider.
 */
final class MailStreamProviderShortcut {

  static final String PROPERTY = StreamProvider.class.getName();

  private static final Logger LOG = LoggerFactory.getLogger(MailStreamProviderShortcut.class);

  private MailStreamProviderShortcut() { }

  /** Sets the property once, to what the lookup finds now; leaves a value set by the operator alone. */
  static synchronized void install() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    String provider = StreamProvider.provider().getClass().getName();
    System.setProperty(PROPERTY, provider);
    LOG.debug("Jakarta Mail stream provider fixed to {}", provider);
  }
}
