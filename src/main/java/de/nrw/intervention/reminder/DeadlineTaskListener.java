package de.nrw.intervention.reminder;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Attached to every user task by {@link DeadlineParseListener}: keeps the task's deadline jobs in line with
 * its due date. One instance per user task definition, carrying that task's {@code reminderLead}.
 */
class DeadlineTaskListener implements TaskListener {

  private final DeadlinePlanner planner;
  private final ReminderLead leadOverride;

  DeadlineTaskListener(DeadlinePlanner planner, ReminderLead leadOverride) {
    this.planner = planner;
    this.leadOverride = leadOverride;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    switch (delegateTask.getEventName()) {
      case EVENTNAME_CREATE -> planner.plan(task, lead(task));
      case EVENTNAME_UPDATE -> {
        // Tasklist and REST change a due date through saveTask, which fires "update" with the change
        // recorded. Any other update (assignee, priority, ...) keeps the plan, so a reminder already sent
        // for this due date is not sent again.
        if (dueDateChanged(task) || planner.needsPlanning(task)) {
          planner.plan(task, lead(task));
        }
      }
      case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> planner.cancel(task);
      default -> { }
    }
  }

  private Duration lead(TaskEntity task) {
    return leadOverride == null ? null : leadOverride.of(task, task.getTaskDefinitionKey());
  }

  private static boolean dueDateChanged(TaskEntity task) {
    PropertyChange change = task.getPropertyChanges().get(TaskEntity.DUE_DATE);
    return change != null && !DueDates.same(
        (Date) change.getOrgValue(), (Date) change.getNewValue());
  }
}
