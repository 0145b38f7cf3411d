package de.nrw.intervention.reminder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Mail addresses to send to, and how many people were meant but have no address.
 * Only counts leave this class towards logs and metrics, never who it was.
 */
record Recipients(List<String> addresses, int skippedWithoutEmail) {

  static Recipients none() {
    return new Recipients(List.of(), 0);
  }

  boolean isEmpty() {
    return addresses.isEmpty();
  }

  Recipients plus(Recipients other) {
    Set<String> merged = new LinkedHashSet<>(addresses);
    merged.addAll(other.addresses);
    return new Recipients(List.copyOf(merged), skippedWithoutEmail + other.skippedWithoutEmail);
  }
}
