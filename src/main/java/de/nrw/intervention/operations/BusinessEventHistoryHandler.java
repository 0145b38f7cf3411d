package de.nrw.intervention.operations;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Turns the engine's history events into business events (log line and counter), next to the
 * default handler that writes history to the database.
 *
 * <p>History events fire inside the engine's transaction; the business event is only reported once
 * that transaction has committed, so a rolled-back start (say, a duplicate case reference) is
 * neither logged nor counted.
 */
class BusinessEventHistoryHandler implements HistoryEventHandler {

  private static final String START = HistoryEventTypes.PROCESS_INSTANCE_START.getEventName();
  private static final String END = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName();
  private static final String COMPLETE = HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName();

  private final BusinessEvents events;

  BusinessEventHistoryHandler(BusinessEvents events) {
    this.events = events;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity instance) {
      if (START.equals(instance.getEventType())) {
        // The start listener sets the case reference as business key after this event fires;
        // the execution read at commit time has it.
        ExecutionEntity execution = cachedExecution(instance.getProcessInstanceId());
        afterCommit(() -> events.caseStarted(instance.getProcessDefinitionKey(), instance.getProcessInstanceId(),
            execution != null && execution.getBusinessKey() != null ? execution.getBusinessKey() : instance.getBusinessKey()));
      } else if (END.equals(instance.getEventType())) {
        afterCommit(() -> events.caseEnded(instance.getProcessDefinitionKey(), instance.getProcessInstanceId(),
            instance.getBusinessKey(), instance.getState()));
      }
    } else if (event instanceof HistoricTaskInstanceEventEntity task && COMPLETE.equals(task.getEventType())
        && task.getProcessDefinitionKey() != null) {
      afterCommit(() -> events.taskCompleted(task.getProcessDefinitionKey(), task.getProcessInstanceId(),
          task.getTaskDefinitionKey(), task.getId()));
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> historyEvents) {
    historyEvents.forEach(this::handleEvent);
  }

  private static ExecutionEntity cachedExecution(String id) {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext == null ? null : commandContext.getDbEntityManager().getCachedEntity(ExecutionEntity.class, id);
  }

  private static void afterCommit(Runnable report) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      report.run();
      return;
    }
    commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> report.run());
  }
}
