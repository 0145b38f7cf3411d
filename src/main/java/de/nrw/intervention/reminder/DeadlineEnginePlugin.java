package de.nrw.intervention.reminder;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * Hooks reminders into the engine (the Camunda starter applies every ProcessEnginePlugin bean):
 * a parse listener that gives every user task the deadline listener, the job handler that sends the
 * mails, and a retry policy for exactly that job type.
 */
class DeadlineEnginePlugin extends AbstractProcessEnginePlugin {

  private final ReminderProperties properties;
  private final DeadlineJobHandler jobHandler;

  DeadlineEnginePlugin(ReminderProperties properties, DeadlineJobHandler jobHandler) {
    this.properties = properties;
    this.jobHandler = jobHandler;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (properties.enabled()) {
      if (configuration.getCustomPostBPMNParseListeners() == null) {
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
      }
      configuration.getCustomPostBPMNParseListeners().add(new DeadlineParseListener(new DeadlinePlanner(properties.lead())));
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
}
