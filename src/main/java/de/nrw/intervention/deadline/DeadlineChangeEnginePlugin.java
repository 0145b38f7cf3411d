package de.nrw.intervention.deadline;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.reminder.DeadlineRetryCommandFactory;
import de.nrw.intervention.reminder.DueDateChangeMail;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * Hooks the deadline-change rule into the engine: the listener on every user task, the notice job with the
 * reminders' retry cycle, the interceptor that lets a refusal reach the caller as a 400, and the guard that keeps
 * the limit of a legal deadline out of users' reach.
 */
class DeadlineChangeEnginePlugin extends AbstractProcessEnginePlugin {

  private final DueDateChangeMail mail;
  private final PlatformCalendar calendar;

  DeadlineChangeEnginePlugin(DueDateChangeMail mail, PlatformCalendar calendar) {
    this.mail = mail;
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new DeadlineChangeParseListener(calendar));
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(new ChangeNoticeJob(mail));
    FailedJobCommandFactory current = configuration.getFailedJobCommandFactory() != null
        ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory(
        new DeadlineRetryCommandFactory(current, mail.retryCycle(), ChangeNoticeJob.TYPE));
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new RefusalUnwrapping());
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new LimitVariableGuard());
  }
}
