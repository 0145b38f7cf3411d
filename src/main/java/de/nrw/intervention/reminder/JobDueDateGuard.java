package de.nrw.intervention.reminder;

import de.nrw.intervention.access.CommandFields;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A job's due date removed through the API ({@code PUT /job/{id}/duedate} with {@code null}, Cockpit, the Java API)
 * becomes "now", which is what the engine makes of a job without due date by default: run it at once. With
 * {@link JobAcquisition}'s settings a job without due date would never be acquired, and the reminder would silently
 * never go out.
 */
class JobDueDateGuard extends CommandInterceptor {

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    if (command instanceof SetJobDuedateCmd && CommandFields.read(command, "newDuedate") == null) {
      Command<?> now = new SetJobDuedateCmd(CommandFields.readString(command, "jobId"), ClockUtil.getCurrentTime(),
          Boolean.TRUE.equals(CommandFields.read(command, "cascade")));
      return next.execute((Command<T>) now);
    }
    return next.execute(command);
  }
}
