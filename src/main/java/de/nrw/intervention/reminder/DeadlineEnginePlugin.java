package de.nrw.intervention.reminder;

import java.sql.SQLException;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hooks reminders into the engine (the Camunda starter applies every ProcessEnginePlugin bean):
 * a parse listener that gives every user task the deadline listener, the job handler that sends the
 * mails, a retry policy for exactly that job type, and the sent-mail record's table.
 */
class DeadlineEnginePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineEnginePlugin.class);

  private final ReminderProperties properties;
  private final DeadlineJobHandler jobHandler;
  private final SentReminders sentReminders;

  DeadlineEnginePlugin(ReminderProperties properties, DeadlineJobHandler jobHandler, SentReminders sentReminders) {
    this.properties = properties;
    this.jobHandler = jobHandler;
    this.sentReminders = sentReminders;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (properties.enabled()) {
      if (configuration.getCustomPostBPMNParseListeners() == null) {
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
      }
      configuration.getCustomPostBPMNParseListeners().add(new DeadlineParseListener(new DeadlinePlanner(properties.lead(), sentReminders)));
    }
    // Registered even when disabled, so jobs planned before switching off end quietly instead of failing.
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(jobHandler);
    FailedJobCommandFactory engineDefault = configuration.getFailedJobCommandFactory() != null
        ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory(new DeadlineRetryCommandFactory(engineDefault, properties.retryCycle()));
  }

  /**
   * After every plugin's preInit, before the engine is built: on PostgreSQL inside the schema creation lock
   * ({@code cluster.SchemaCreationLockPlugin}), so nodes started together do not both create the table.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      sentReminders.createTable();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the sent-reminder table " + SentReminders.TABLE, e);
    }
  }

  /** The engine's job table exists now. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try {
      int orphans = sentReminders.deleteOrphans();
      if (orphans > 0) {
        LOG.info("Deleted {} sent-reminder record(s) whose job no longer exists", orphans);
      }
    } catch (SQLException e) {
      LOG.warn("Sent-reminder records of deleted jobs not cleaned up ({}); the next start tries again", e.getMessage());
    }
  }
}
