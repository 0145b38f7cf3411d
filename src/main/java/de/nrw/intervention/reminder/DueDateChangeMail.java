package de.nrw.intervention.reminder;

import java.util.Date;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What the deadline-change rule ({@code de.nrw.intervention.deadline}) may use of the reminder mail: the notice to
 * the district's supervisors, sent with the reminders' mailer, recipients, templates and data-protection rules,
 * plus the retry cycle a notice job must share with the reminders.
 */
public interface DueDateChangeMail {

  /**
   * Tells the supervisors of the task's district that its due date moved from {@code previousDueDate} to
   * {@code newDueDate}. Called from a job: throws when nobody can be reached or the mail server refuses, so the
   * job is retried and finally raises an incident.
   */
  void sendDueDateChanged(TaskEntity task, Date previousDueDate, Date newDueDate, String changedBy);

  /** The retry cycle of every mail job ({@code intervention.reminders.retry-cycle}). */
  String retryCycle();
}
