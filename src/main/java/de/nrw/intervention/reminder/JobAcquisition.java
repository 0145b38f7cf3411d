package de.nrw.intervention.reminder;

import de.nrw.intervention.cluster.EngineTableIndexes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job acquisition that reads the due jobs, not the whole job table. Every open task has deadline jobs, nearly all
 * of them due in the future, so the job table holds about as many rows as there are open tasks.
 *
 * <p>The engine's default acquisition asks for jobs "due or without due date" in no order. No index serves that, so
 * PostgreSQL scans the table until it has found a page of due jobs: with 10,000 reminders due among 20,000 jobs, one
 * acquisition of 8 jobs read 13,600 rows, and the acquisition query was running in two thirds of all samples of the
 * drain (BENCHMARKS.md, "Issue 20, third round"). The job threads waited for work.
 *
 * <p>So: every job gets a due date ({@code ensureJobDueDateNotNull}; the engine gives new messages "now"), the
 * acquisition asks for due jobs in due-date order ({@code jobExecutorAcquireByDueDate}), and an index on the due
 * date answers it by reading only the page it returns. The earliest due job goes first, which is also fairer to the
 * reminder that has waited longest. A second index on the lock expiry serves the engine's check that no other job of
 * the same case is running (exclusive jobs), which otherwise scans the whole table too.
 *
 * <p>A job without due date would never be acquired under these settings. The engine dates its own jobs; a job
 * inserted without one (our due-date change notice was such a job) is due at once ({@link DatedJobs}); jobs from
 * before this setting get their creation time at startup; a due date removed through the API becomes "now"
 * ({@link JobDueDateGuard}).
 */
class JobAcquisition extends EngineTableIndexes {

  static final String DUE_INDEX = "INTERVENTION_IDX_JOB_DUE";
  static final String LOCK_INDEX = "INTERVENTION_IDX_JOB_LOCK_EXP";

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisition.class);

  JobAcquisition() {
    super("job acquisition");
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorAcquireByDueDate(true);
    configuration.setEnsureJobDueDateNotNull(true);
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new JobDueDateGuard());
    List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(new DatedJobs());
    configuration.setCustomSessionFactories(sessions);
  }

  /** After the engine created or upgraded its schema, before the job executor starts. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    super.postProcessEngineBuild(engine);
    try {
      int dated = dateJobsWithoutDueDate();
      if (dated > 0) {
        LOG.info("{} job(s) without due date got their creation time as due date, so that they are acquired", dated);
      }
    } catch (SQLException e) {
      // Not fatal for the application, but those jobs stay unacquired until the next start manages it.
      LOG.error("Jobs without due date could not be dated ({}); they are not executed until a start dates them",
          e.getMessage());
    }
  }

  @Override
  protected List<String> statements(String prefix) {
    return List.of(
        "CREATE INDEX IF NOT EXISTS " + DUE_INDEX + " ON " + prefix + "ACT_RU_JOB (DUEDATE_)",
        "CREATE INDEX IF NOT EXISTS " + LOCK_INDEX + " ON " + prefix + "ACT_RU_JOB (LOCK_EXP_TIME_)");
  }

  /**
   * Without a revision change: a node running such a job right now deletes or updates it as before, and its
   * optimistic lock does not fail over this date (which would run the job twice).
   */
  private int dateJobsWithoutDueDate() throws SQLException {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE " + prefix()
            + "ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, ?) WHERE DUEDATE_ IS NULL")) {
      connection.setAutoCommit(true);
      update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      return update.executeUpdate();
    }
  }
}
