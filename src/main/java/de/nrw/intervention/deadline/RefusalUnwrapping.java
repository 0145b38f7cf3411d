package de.nrw.intervention.deadline;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Outermost command interceptor: the engine wraps an exception thrown by a task listener into a plain
 * {@link ProcessEngineException} ("ENGINE-03051 There was an exception while invoking the TaskListener"), which the
 * REST API answers with 500. This rethrows a {@link DeadlineRefusedException} found inside, after the transaction
 * was rolled back, so every caller (REST, the web apps' API, Java) gets the refusal itself and REST answers 400.
 */
class RefusalUnwrapping extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof DeadlineRefusedException refusal) {
          throw refusal;
        }
      }
      throw e;
    }
  }
}
