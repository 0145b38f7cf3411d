package de.nrw.intervention.security;

import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory (profile {@code ldap}) cannot be reached, so nobody can be checked: 503, not 401. A 401 would tell
 * the caller that the password is wrong, and browsers would ask for it again; the password may be right, and the
 * same call succeeds once the directory is back (each check opens a new connection, so recovery needs no restart).
 */
final class DirectoryUnavailable extends RuntimeException {

  static final int STATUS = 503;
  static final String TYPE = "DirectoryUnavailable";
  static final String MESSAGE = "Anmeldung zurzeit nicht möglich: der Verzeichnisdienst ist nicht erreichbar. "
      + "Bitte in einer Minute erneut versuchen.";
  static final String RETRY_AFTER_SECONDS = "30";

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryUnavailable.class);

  DirectoryUnavailable(IdentityProviderException cause) {
    super(cause.getMessage(), cause);
  }

  /** One line, no stack trace: the cause (e.g. "Connection refused") is what the operator needs. */
  static void log(IdentityProviderException exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    LOG.warn("Directory unavailable: {} ({})", exception.getMessage(), root == exception ? "no cause" : root.toString());
  }
}
