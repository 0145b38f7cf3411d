package de.nrw.intervention.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * What cannot be said in application.yaml: our password policy object and the parse listener that gives every
 * case its need-to-know authorizations, so that no model has to remember to do it.
 */
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

  private final SecurityProperties properties;

  EngineHardeningPlugin(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordPolicy(new LengthOnlyPasswordPolicy(properties.passwordMinLength()));
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new CaseAccessParseListener(properties));
  }
}
