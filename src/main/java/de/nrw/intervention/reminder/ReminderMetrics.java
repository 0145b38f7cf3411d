package de.nrw.intervention.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Micrometer counters (see docs/REMINDERS.md, Metrics); /actuator/metrics and /actuator/prometheus show them. */
class ReminderMetrics {

  private final Counter remindersSent;
  private final Counter unreachableNoticesSent;
  private final Counter escalationsSent;
  private final Counter reminderFailures;
  private final Counter escalationFailures;
  private final Counter dueDateChangesNotified;
  private final Counter dueDateChangeFailures;
  private final Counter skippedRecipients;
  private final Counter duplicatesPrevented;
  private final Timer recordDelay;

  ReminderMetrics(MeterRegistry registry) {
    remindersSent = Counter.builder("intervention.reminders.sent").tag("to", "caseworkers")
        .description("Deadline reminders sent").register(registry);
    unreachableNoticesSent = Counter.builder("intervention.reminders.sent").tag("to", "supervisors")
        .description("Deadline reminders sent").register(registry);
    escalationsSent = Counter.builder("intervention.escalations.sent")
        .description("Overdue-task escalations sent to district supervisors").register(registry);
    reminderFailures = Counter.builder("intervention.reminders.failures").tag("kind", "reminder")
        .description("Failed send attempts (each is retried by the job executor)").register(registry);
    escalationFailures = Counter.builder("intervention.reminders.failures").tag("kind", "escalation")
        .description("Failed send attempts (each is retried by the job executor)").register(registry);
    dueDateChangesNotified = Counter.builder("intervention.deadlines.changes.notified")
        .description("Due-date change notices sent to district supervisors").register(registry);
    dueDateChangeFailures = Counter.builder("intervention.reminders.failures").tag("kind", "due-date-changed")
        .description("Failed send attempts (each is retried by the job executor)").register(registry);
    skippedRecipients = Counter.builder("intervention.reminders.recipients.skipped")
        .description("Intended recipients without an email address").register(registry);
    duplicatesPrevented = Counter.builder("intervention.reminders.duplicates.prevented")
        .description("Retried deadline jobs whose mail the sent-mail record showed as already sent").register(registry);
    recordDelay = Timer.builder("intervention.reminders.record.delay")
        .description("From the mail server's acceptance to the sent-mail record's commit: the window in which a "
            + "killed node leaves a sent mail unrecorded").register(registry);
  }

  void sent(MailKind kind) {
    switch (kind) {
      case REMINDER -> remindersSent.increment();
      case UNREACHABLE -> unreachableNoticesSent.increment();
      case ESCALATION -> escalationsSent.increment();
      case DUE_DATE_CHANGED -> dueDateChangesNotified.increment();
    }
  }

  void failed(MailKind kind) {
    switch (kind) {
      case REMINDER, UNREACHABLE -> reminderFailures.increment();
      case ESCALATION -> escalationFailures.increment();
      case DUE_DATE_CHANGED -> dueDateChangeFailures.increment();
    }
  }

  void skipped(int count) {
    skippedRecipients.increment(count);
  }

  void duplicatePrevented() {
    duplicatesPrevented.increment();
  }

  void recorded(long nanosAfterAcceptance) {
    recordDelay.record(nanosAfterAcceptance, TimeUnit.NANOSECONDS);
  }
}
