package de.nrw.intervention.reminder;

import java.util.Date;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * What a deadline job is for: stored as the job's handler configuration {@code kind|taskId|dueEpochMillis}.
 * The due date is part of it so that a job planned for an older due date can tell it is stale.
 */
record DeadlineJobConfiguration(DeadlineKind kind, String taskId, long dueEpochMillis) implements JobHandlerConfiguration {

  /**
   * Databases differ in how many fractions of a second they keep (MySQL rounds to whole seconds), so a
   * due date read back may differ from the one planned by less than this; a real change is larger.
   */
  private static final long SAME_DUE_DATE_TOLERANCE_MILLIS = 1000;

  static DeadlineJobConfiguration parse(String canonical) {
    String[] parts = canonical.split("\\|", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not a deadline job configuration: " + canonical);
    }
    return new DeadlineJobConfiguration(DeadlineKind.valueOf(parts[0]), parts[1], Long.parseLong(parts[2]));
  }

  @Override
  public String toCanonicalString() {
    return kind + "|" + taskId + "|" + dueEpochMillis;
  }

  boolean isFor(Date dueDate) {
    return sameDueDate(dueDate, new Date(dueEpochMillis));
  }

  static boolean sameDueDate(Date one, Date other) {
    if (one == null || other == null) {
      return one == other;
    }
    return Math.abs(one.getTime() - other.getTime()) < SAME_DUE_DATE_TOLERANCE_MILLIS;
  }
}
