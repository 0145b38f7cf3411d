package de.nrw.intervention.deadline;

import de.nrw.intervention.reminder.DueDateChangeMail;
import java.util.Date;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' notice of a due-date change, as an engine job written in the caseworker's transaction: sent
 * once after the change committed, never for a change that was refused or rolled back, and a mail outage neither
 * fails the change nor loses the notice (retried with the reminders' cycle, then an incident on the case).
 */
class ChangeNoticeJob implements JobHandler<ChangeNoticeJob.Configuration> {

  static final String TYPE = "task-due-date-change";

  private static final Logger LOG = LoggerFactory.getLogger(ChangeNoticeJob.class);

  private final DueDateChangeMail mail;

  ChangeNoticeJob(DueDateChangeMail mail) {
    this.mail = mail;
  }

  /** Plans the notice on the task's execution; the job executor picks it up after the commit. */
  static void plan(TaskEntity task, Date before, Date after, String userId, CommandContext commandContext) {
    ExecutionEntity execution = task.getExecution();
    if (execution == null) {
      return; // a standalone task has no district and so no supervisors
    }
    ProcessDefinitionEntity definition = execution.getProcessDefinition();
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TYPE);
    job.setJobHandlerConfigurationRaw(new Configuration(task.getId(), before, after, userId).toCanonicalString());
    job.setExecution(execution);
    job.setProcessDefinitionId(definition.getId());
    job.setProcessDefinitionKey(definition.getKey());
    job.setDeploymentId(definition.getDeploymentId());
    job.setTenantId(execution.getTenantId());
    commandContext.getJobManager().send(job);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(configuration.taskId());
    if (task == null) {
      LOG.info("Task {} was completed before its due-date change notice went out: no notice", configuration.taskId());
      return;
    }
    commandContext.runWithoutAuthorization(() -> {
      mail.sendDueDateChanged(task, configuration.before(), configuration.after(),
          configuration.userId() == null ? ChangeRecord.NO_USER : configuration.userId());
      return null;
    });
  }

  @Override
  public Configuration newConfiguration(String canonicalString) {
    return Configuration.parse(canonicalString);
  }

  @Override
  public void onDelete(Configuration configuration, JobEntity jobEntity) {
    // The job carries its whole state.
  }

  /** {@code taskId|before epoch ms|after epoch ms|userId}, empty for "none"; the user id last, as it is free text. */
  record Configuration(String taskId, Date before, Date after, String userId) implements JobHandlerConfiguration {

    static Configuration parse(String canonical) {
      String[] parts = canonical.split("\\|", 4);
      if (parts.length != 4) {
        throw new IllegalArgumentException("Not a due-date change configuration: " + canonical);
      }
      return new Configuration(parts[0], date(parts[1]), date(parts[2]), parts[3].isEmpty() ? null : parts[3]);
    }

    @Override
    public String toCanonicalString() {
      return taskId + "|" + millis(before) + "|" + millis(after) + "|" + (userId == null ? "" : userId);
    }

    private static String millis(Date date) {
      return date == null ? "" : Long.toString(date.getTime());
    }

    private static Date date(String millis) {
      return millis.isEmpty() ? null : new Date(Long.parseLong(millis));
    }
  }
}
