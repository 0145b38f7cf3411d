package de.nrw.intervention.access;

import de.nrw.intervention.routing.DistrictRouting;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Puts the need-to-know rules into the engine: the parse listener that gives every case its grants. */
class AccessEnginePlugin extends AbstractProcessEnginePlugin {

  private final AccessProperties properties;
  private final DistrictRouting routing;

  AccessEnginePlugin(AccessProperties properties, DistrictRouting routing) {
    this.properties = properties;
    this.routing = routing;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new CaseAccessParseListener(properties, routing));
  }
}
