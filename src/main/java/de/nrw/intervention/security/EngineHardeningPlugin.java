package de.nrw.intervention.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** What cannot be said in application.yaml: our password policy object. */
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

  private final SecurityProperties properties;

  EngineHardeningPlugin(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordPolicy(new LengthOnlyPasswordPolicy(properties.passwordMinLength()));
  }
}
