package de.nrw.intervention.priority;

import java.util.List;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Re-prioritises a case's open tasks when a variable the rules read changes while they are open (today's models
 * decide {@code riskLevel} and {@code track} before the first task and show them read-only, but a later model may
 * re-decide them, and an administrator may change them by REST). Seen as the engine's variable history event, inside
 * the changing command, whatever door it came through; needs a history level that records variable updates
 * ({@code audit} or {@code full}; we run {@code full}).
 */
class RiskChangeReprioritisation implements HistoryEventHandler {

  private static final String CREATE = HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName();
  private static final String UPDATE = HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName();

  private final TaskPriorities priorities;

  RiskChangeReprioritisation(TaskPriorities priorities) {
    this.priorities = priorities;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity change)
        || !(CREATE.equals(change.getEventType()) || UPDATE.equals(change.getEventType()))
        || change.getProcessInstanceId() == null || !priorities.reads(change.getVariableName())) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return;
    }
    List<TaskEntity> open = commandContext.getTaskManager().findTasksByProcessInstanceId(change.getProcessInstanceId());
    for (TaskEntity task : open) {
      int priority = priorities.of(task, modelledPriority(task));
      if (priority != task.getPriority()) {
        task.setPriority(priority);
      }
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> historyEvents) {
    historyEvents.forEach(this::handleEvent);
  }

  /** What the model gives the task without the rules: its priority expression, or the engine's default. */
  private static int modelledPriority(TaskEntity task) {
    Expression modelled = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getPriorityExpression();
    Object value = modelled == null ? null : modelled.getValue(task);
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text && text.trim().matches("-?\\d+")) {
      return Integer.parseInt(text.trim());
    }
    return Task.PRIORITY_NORMAL;
  }
}
