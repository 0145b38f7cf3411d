package de.nrw.intervention.reminder;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * Gives deadline jobs their own retry cycle ({@code intervention.reminders.retry-cycle}). The engine applies
 * retry cycles (per activity or the global {@code failedJobRetryTimeCycle}) only to its own job types
 * (timers and async continuations); a custom job type falls back to 3 immediate retries. This factory gives
 * deadline jobs the configured cycle and leaves every other job to the engine.
 *
 * <p>Public so that the deadline-change notice jobs ({@code de.nrw.intervention.deadline}) get the same cycle: each
 * plugin wraps the factory it finds, for its own job type, whatever order the plugins run in.
 */
public class DeadlineRetryCommandFactory implements FailedJobCommandFactory {

  private final FailedJobCommandFactory engineDefault;
  private final String retryCycle;
  private final String jobType;

  DeadlineRetryCommandFactory(FailedJobCommandFactory engineDefault, String retryCycle) {
    this(engineDefault, retryCycle, DeadlineJobHandler.TYPE);
  }

  /** Applies {@code retryCycle} to jobs of {@code jobType}; every other job goes to {@code engineDefault}. */
  public DeadlineRetryCommandFactory(FailedJobCommandFactory engineDefault, String retryCycle, String jobType) {
    this.engineDefault = engineDefault;
    this.retryCycle = retryCycle;
    this.jobType = jobType;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    Command<Object> engineCommand = engineDefault.getCommand(jobId, exception);
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job == null || !jobType.equals(job.getJobHandlerType())) {
        return engineCommand.execute(commandContext);
      }
      return new DeadlineRetryCommand(jobId, exception, retryCycle).execute(commandContext);
    };
  }

  /** The engine's retry logic, fed with our cycle instead of the activity's or the global one. */
  private static final class DeadlineRetryCommand extends DefaultJobRetryCmd {

    private final String retryCycle;

    DeadlineRetryCommand(String jobId, Throwable exception, String retryCycle) {
      super(jobId, exception);
      this.retryCycle = retryCycle;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null) {
        return null;
      }
      try {
        executeCustomStrategy(commandContext, job, null);
      } catch (Exception e) {
        executeStandardStrategy(commandContext);
      }
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      return ParseUtil.parseRetryIntervals(retryCycle);
    }
  }
}
