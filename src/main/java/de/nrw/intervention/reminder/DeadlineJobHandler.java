package de.nrw.intervention.reminder;

import java.util.Date;
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
 * <p>Everything is checked again here, because the task may have changed since the job was planned.
 */
class DeadlineJobHandler implements JobHandler<DeadlineJobConfiguration> {

  static final String TYPE = DeadlineJobType.HANDLER_TYPE;

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineJobHandler.class);

  private final boolean enabled;
  private final DeadlineNotifier notifier;

  DeadlineJobHandler(boolean enabled, DeadlineNotifier notifier) {
    this.enabled = enabled;
    this.notifier = notifier;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(DeadlineJobConfiguration configuration, ExecutionEntity execution,
      CommandContext commandContext, String tenantId) {
    if (!enabled) {
      LOG.debug("Reminders disabled: deadline job for task {} ends without mail", configuration.taskId());
      return;
    }
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
    commandContext.runWithoutAuthorization(() -> {
      notifier.notify(configuration.kind(), task, commandContext);
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
