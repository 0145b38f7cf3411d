package de.nrw.intervention.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken model into one readable startup error instead of a stack trace. */
class InvalidModelFailureAnalyzer extends AbstractFailureAnalyzer<InvalidModelException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidModelException cause) {
    return new FailureAnalysis(
        "A process model or form could not be deployed:\n  " + cause.getMessage(),
        "Fix the file named above (open it in Camunda Modeler to see the problem), then restart. "
            + "Nothing was deployed, so running cases are unaffected.",
        cause);
  }
}
