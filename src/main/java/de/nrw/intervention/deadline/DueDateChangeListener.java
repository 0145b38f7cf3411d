package de.nrw.intervention.deadline;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Attached to every user task ({@link DeadlineChangeParseListener}). The engine's "update" event carries every
 * due-date change, whatever door it came through (REST, Tasklist, {@code taskService.setDueDate}), inside the
 * changing command: a refusal here rolls the whole change back.
 */
class DueDateChangeListener implements TaskListener {

  /**
   * Task-local variable holding a legal deadline's limit, fixed when the task is created: the computed due date
   * (or the model's absolute limit, if earlier). Recomputing later would give another date for relative periods.
   */
  static final String LIMIT_VARIABLE = "legalDueDateLimit";

  private final LegalDeadline legalDeadline;
  private final PlatformCalendar calendar;

  /** @param legalDeadline null for a task whose deadline the law does not set */
  DueDateChangeListener(LegalDeadline legalDeadline, PlatformCalendar calendar) {
    this.legalDeadline = legalDeadline;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    if (EVENTNAME_CREATE.equals(delegateTask.getEventName())) {
      if (legalDeadline != null) {
        Date limit = legalDeadline.limitAtCreation(task.getDueDate(), task);
        if (limit != null) {
          task.setVariableLocal(LIMIT_VARIABLE, limit);
        }
      }
    } else if (EVENTNAME_UPDATE.equals(delegateTask.getEventName())) {
      PropertyChange change = task.getPropertyChanges().get(TaskEntity.DUE_DATE);
      if (change != null && DeadlineLimit.moved((Date) change.getOrgValue(), (Date) change.getNewValue())) {
        dueDateChanged(task, (Date) change.getOrgValue(), (Date) change.getNewValue());
      }
    }
  }

  private void dueDateChanged(TaskEntity task, Date before, Date after) {
    if (legalDeadline != null) {
      DeadlineLimit.check(after, limit(task, before), legalDeadline.basis(), calendar);
    }
    CommandContext commandContext = Context.getCommandContext();
    String userId = commandContext.getAuthenticatedUserId();
    commandContext.runWithoutAuthorization(() -> {
      String reason = ChangeRecord.reason(ChangeRecord.comments(task, commandContext), userId,
          ClockUtil.getCurrentTime());
      ChangeRecord.write(task, ChangeRecord.text(before, after, userId, reason, calendar), commandContext);
      ChangeNoticeJob.plan(task, before, after, userId, commandContext);
      return null;
    });
  }

  /** A task created before this rule existed has no stored limit: it may not move later than it is now. */
  private static Date limit(TaskEntity task, Date before) {
    Object stored = task.getVariableLocal(LIMIT_VARIABLE);
    return stored instanceof Date date ? date : before;
  }
}
