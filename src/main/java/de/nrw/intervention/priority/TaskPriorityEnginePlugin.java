package de.nrw.intervention.priority;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every deployed model the {@link TaskPriorityListener} (designers model no priority), and
 * re-prioritises open tasks when their case's risk changes ({@link RiskChangeReprioritisation}, beside the engine's
 * database history handler, which stays enabled).
 */
class TaskPriorityEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskPriorityListener listener;
  private final RiskChangeReprioritisation reprioritisation;

  TaskPriorityEnginePlugin(TaskPriorities priorities) {
    this.listener = new TaskPriorityListener(priorities);
    this.reprioritisation = new RiskChangeReprioritisation(priorities);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }
      }
    });
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(reprioritisation);
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
