package de.nrw.intervention.reminder;

import java.util.Date;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * What a deadline job is for: stored as the job's handler configuration {@code kind|taskId|dueEpochMillis}.
 * The due date is part of it so that a job planned for an older due date can tell it is stale.
 */
record DeadlineJobConfiguration(DeadlineKind kind, String taskId, long dueEpochMillis) implements JobHandlerConfiguration {

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
    return DueDates.same(dueDate, new Date(dueEpochMillis));
  }
}
