package de.nrw.intervention.reminder;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a deadline job. The job executor's lock makes one node run it; the job is deleted in the same
 * transaction when the mail went out, and a failed send throws so the engine retries and finally raises
 * an incident ({@link DeadlineRetryCommandFactory}).
 *
 * <p>Everything is checked again here, because the task may have changed since the job was planned, and an earlier
 * attempt may have sent the mail without getting to its commit ({@link SentReminders}).
 */
class DeadlineJobHandler implements JobHandler<DeadlineJobConfiguration> {

  static final String TYPE = DeadlineJobType.HANDLER_TYPE;

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineJobHandler.class);

  private final boolean enabled;
  private final DeadlineNotifier notifier;
  private final SentReminders sentReminders;

  DeadlineJobHandler(boolean enabled, DeadlineNotifier notifier, SentReminders sentReminders) {
    this.enabled = enabled;
    this.notifier = notifier;
    this.sentReminders = sentReminders;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(DeadlineJobConfiguration configuration, ExecutionEntity execution,
      CommandContext commandContext, String tenantId) {
    Connection transaction = commandContext.getDbSqlSession().getSqlSession().getConnection();
    try {
      if (enabled) {
        notifyIfStillDue(configuration, commandContext, transaction);
      } else {
        LOG.debug("Reminders disabled: deadline job for task {} ends without mail", configuration.taskId());
      }
      // Whatever happened: the job ends with this transaction, and its record with it.
      sentReminders.forget(transaction, configuration);
    } catch (SQLException e) {
      throw new ProcessEngineException("Deadline job for task " + configuration.taskId()
          + ": the sent-mail record could not be read or written", e);
    }
  }

  private void notifyIfStillDue(DeadlineJobConfiguration configuration, CommandContext commandContext,
      Connection transaction) throws SQLException {
    TaskEntity task = commandContext.getTaskManager().findTaskById(configuration.taskId());
    if (task == null) {
      LOG.debug("Task {} is no longer open: no {}", configuration.taskId(), configuration.kind());
      return;
    }
    Date due = task.getDueDate();
    if (!configuration.isFor(due)) {
      LOG.debug("Task {} has another due date now: {} planned for the old one is dropped",
          configuration.taskId(), configuration.kind());
      return;
    }
    // A Callable: the engine wraps the SQLException in a ProcessEngineException, and the job is retried.
    commandContext.runWithoutAuthorization(() -> {
      notifier.notify(configuration, task, transaction);
      return null;
    });
  }

  @Override
  public DeadlineJobConfiguration newConfiguration(String canonicalString) {
    return DeadlineJobConfiguration.parse(canonicalString);
  }

  @Override
  public void onDelete(DeadlineJobConfiguration configuration, JobEntity jobEntity) {
    // Nothing to clean up: the job carries its whole state.
  }
}
