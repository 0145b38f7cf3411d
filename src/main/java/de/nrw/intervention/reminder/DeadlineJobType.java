package de.nrw.intervention.reminder;

/**
 * The handler type of the deadline jobs, as the engine writes it to the job log ({@code JOB_DEF_TYPE_}): the
 * supervisors' deadline board counts sent reminders and escalations from their successful runs.
 */
public final class DeadlineJobType {

  public static final String HANDLER_TYPE = "task-deadline";

  private DeadlineJobType() {
  }
}
