package de.nrw.intervention.reminder;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Turns a task's due date into engine timer jobs: a reminder at due − lead and an escalation at due.
 *
 * <p>Runs inside the command that creates, updates, completes or deletes the task, so the jobs are
 * written in the same transaction as the due date they belong to. The jobs hang on the task's execution:
 * Cockpit shows them (and their incidents) on the case, and the engine deletes them with the execution.
 */
class DeadlinePlanner {

  private final Duration defaultLead;
  private final SentReminders sentReminders;

  DeadlinePlanner(Duration defaultLead, SentReminders sentReminders) {
    this.defaultLead = defaultLead;
    this.sentReminders = sentReminders;
  }

  /** Replaces the task's pending deadline jobs by jobs for its current due date. */
  void plan(TaskEntity task, Duration leadOverride) {
    cancel(task);
    Date due = task.getDueDate();
    ExecutionEntity execution = task.getExecution();
    if (due == null || execution == null) {
      return;
    }
    Date now = ClockUtil.getCurrentTime();
    if (due.after(now)) {
      Duration lead = leadOverride != null ? leadOverride : defaultLead;
      Date remindAt = new Date(Math.max(due.getTime() - lead.toMillis(), now.getTime()));
      schedule(execution, new DeadlineJobConfiguration(DeadlineKind.REMINDER, task.getId(), due.getTime()), remindAt);
    }
    schedule(execution, new DeadlineJobConfiguration(DeadlineKind.ESCALATION, task.getId(), due.getTime()), due);
  }

  /** True when a pending job was planned for another due date (changed by a path that records no change). */
  boolean needsPlanning(TaskEntity task) {
    Date due = task.getDueDate();
    List<DeadlineJobConfiguration> pending = pendingJobs(task).stream()
        .map(job -> DeadlineJobConfiguration.parse(job.getJobHandlerConfigurationRaw())).toList();
    return pending.stream().anyMatch(job -> !job.isFor(due));
  }

  /**
   * Deletes the task's deadline jobs that no job executor holds. A job being executed right now is left
   * alone (deleting it would fail this caseworker's transaction with an optimistic locking error); it finds
   * the task gone or re-dated when it runs and sends nothing.
   */
  void cancel(TaskEntity task) {
    Date now = ClockUtil.getCurrentTime();
    for (JobEntity job : pendingJobs(task)) {
      boolean locked = job.getLockOwner() != null && job.getLockExpirationTime() != null
          && job.getLockExpirationTime().after(now);
      if (!locked) {
        job.delete();
        forgetSentMail(job);
      }
    }
  }

  /** An earlier attempt of the deleted job may have left a sent-mail record; it goes with the job. */
  private void forgetSentMail(JobEntity job) {
    try {
      sentReminders.forget(Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection(),
          DeadlineJobConfiguration.parse(job.getJobHandlerConfigurationRaw()));
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot delete the sent-mail record of job " + job.getId(), e);
    }
  }

  private static List<JobEntity> pendingJobs(TaskEntity task) {
    ExecutionEntity execution = task.getExecution();
    if (execution == null) {
      return List.of();
    }
    return execution.getJobs().stream()
        .filter(job -> DeadlineJobHandler.TYPE.equals(job.getJobHandlerType()))
        .filter(job -> task.getId().equals(DeadlineJobConfiguration.parse(job.getJobHandlerConfigurationRaw()).taskId()))
        .toList();
  }

  private static void schedule(ExecutionEntity execution, DeadlineJobConfiguration configuration, Date dueDate) {
    ProcessDefinitionEntity definition = execution.getProcessDefinition();
    TimerEntity timer = new TimerEntity();
    timer.setJobHandlerType(DeadlineJobHandler.TYPE);
    timer.setJobHandlerConfigurationRaw(configuration.toCanonicalString());
    timer.setDuedate(dueDate);
    timer.setExecution(execution);
    timer.setProcessDefinitionId(definition.getId());
    timer.setProcessDefinitionKey(definition.getKey());
    timer.setDeploymentId(definition.getDeploymentId());
    timer.setTenantId(execution.getTenantId());
    Context.getCommandContext().getJobManager().schedule(timer);
  }
}
