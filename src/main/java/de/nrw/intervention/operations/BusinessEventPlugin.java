package de.nrw.intervention.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Adds {@link BusinessEventHistoryHandler} beside the engine's database history handler (which stays
 * enabled). Needs a history level that records process and task instances; we run {@code full}.
 */
class BusinessEventPlugin extends AbstractProcessEnginePlugin {

  private final BusinessEventHistoryHandler handler;

  BusinessEventPlugin(BusinessEventHistoryHandler handler) {
    this.handler = handler;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(handler);
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
