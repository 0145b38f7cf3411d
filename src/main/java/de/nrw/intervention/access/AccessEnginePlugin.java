package de.nrw.intervention.access;

import de.nrw.intervention.casefile.TaskForms;
import de.nrw.intervention.routing.DistrictRouting;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Puts the need-to-know rules into the engine: the parse listener that gives every case its grants, and the
 * command-level rules ({@link CommandAccessRules}) after the command context is opened, on both the
 * transaction-joining and the new-transaction chains.
 */
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
    // One reading of each task form for the completion check and the task-only read rule.
    TaskForms forms = new TaskForms();
    configuration.getCustomPostBPMNParseListeners().add(new CaseAccessParseListener(properties, routing, forms));
    DistrictStatisticsCockpitPlugin.mapCockpitStatements();
    // One instance per chain: the engine links each interceptor to its successor, so a shared one would leave the
    // first chain and continue in the second.
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new CommandAccessRules(properties, forms)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new CommandAccessRules(properties, forms)));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    AccessMappers.install(configuration);
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor rules) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(rules);
    return all;
  }
}
