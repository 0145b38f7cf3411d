package de.nrw.intervention.reminder;

import de.nrw.intervention.access.CommandFields;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refuses to remove a job's due date ({@code PUT /job/{id}/duedate} with {@code null}). With {@link JobAcquisition}'s
 * settings a job without due date is never acquired: the engine would accept the change and the job, a reminder for
 * instance, would silently never run. "Now" is what such a request means, and the caller can say so.
 */
class JobDueDateGuard extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SetJobDuedateCmd && CommandFields.read(command, "newDuedate") == null) {
      throw new BadUserRequestException("Ein Job braucht eine Fälligkeit, sonst wird er nie ausgeführt. "
          + "Für „sofort ausführen“ bitte das aktuelle Datum und die aktuelle Uhrzeit angeben.");
    }
    return next.execute(command);
  }
}
