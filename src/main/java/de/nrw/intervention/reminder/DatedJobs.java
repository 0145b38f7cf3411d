package de.nrw.intervention.reminder;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's job manager, except that a job inserted without due date is due at once. Under {@link JobAcquisition}
 * a job without due date is never acquired; the engine dates its own jobs, but a job written directly (a
 * {@code MessageEntity} from a job handler or plugin, ours or a later one) may carry none and would silently never
 * run. Every job insert goes through {@link JobManager#insertJob}.
 */
final class DatedJobs implements SessionFactory {

  @Override
  public Class<?> getSessionType() {
    return JobManager.class;
  }

  @Override
  public Session openSession() {
    return new DatedJobManager();
  }

  static final class DatedJobManager extends JobManager {

    @Override
    public void insertJob(JobEntity job) {
      if (job.getDuedate() == null) {
        job.setDuedate(ClockUtil.getCurrentTime());
      }
      super.insertJob(job);
    }
  }
}
