package de.nrw.intervention.security;

import java.util.List;

/** Settings that would make a production start unsafe; the message lists each. */
class InsecureConfigurationException extends RuntimeException {

  InsecureConfigurationException(List<String> problems) {
    super("Refusing to start with the prod profile: " + String.join("; ", problems));
  }
}
