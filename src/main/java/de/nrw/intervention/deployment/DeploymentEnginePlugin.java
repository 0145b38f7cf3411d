package de.nrw.intervention.deployment;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Puts {@link DeploymentBindingCheck} into the engine, so every deployment (startup, REST, Java API) gets it. */
class DeploymentEnginePlugin extends AbstractProcessEnginePlugin {

  private final ModelProperties properties;

  DeploymentEnginePlugin(ModelProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new DeploymentBindingCheck(new FolderHints(properties)));
  }
}
