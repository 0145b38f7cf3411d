package de.nrw.intervention.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the environment variables named above (see README, Configuration) and start again.", cause);
  }
}
