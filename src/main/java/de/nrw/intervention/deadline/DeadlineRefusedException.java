package de.nrw.intervention.deadline;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A due-date change the law does not allow. The REST API answers a {@link BadUserRequestException} with 400; the
 * engine wraps exceptions from task listeners, so {@link RefusalUnwrapping} hands this one out unwrapped.
 * Never given a cause: the engine would then try to propagate it as a BPMN error.
 */
class DeadlineRefusedException extends BadUserRequestException {

  DeadlineRefusedException(String message) {
    super(message);
  }
}
