package de.nrw.intervention.access;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per read of case variables by a user: who, which cases (their references, never a name or a value),
 * when, and by which engine command. Seen at the engine, so every door is covered: REST, Tasklist, Cockpit's
 * variable and history tabs, {@code variable-instance/{id}}, historic details, the variables embedded in task
 * lists. The engine's user operation log records changes, not reads; this closes that gap. Logger
 * {@value #AUDIT_LOGGER}, so operators can ship it apart.
 */
final class CaseVariableReadAudit {

  static final String AUDIT_LOGGER = "de.nrw.intervention.audit";
  private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);
  private static final int MAX_CASES_PER_LINE = 50;

  /** A read about to happen; the process instances known before the command ran (a completed task is gone after). */
  record Read(String call, Set<String> processInstanceIds, boolean fromResult) {
  }

  /** Null when the command reads no case variables or nobody would see the line. */
  Read before(Command<?> command, CommandContext context) {
    if (!AUDIT.isInfoEnabled()) {
      return null;
    }
    String taskId = null;
    String executionId = null;
    if (command instanceof GetTaskVariablesCmd || command instanceof GetTaskVariableCmd
        || command instanceof GetTaskVariableCmdTyped) {
      taskId = CommandFields.readString(command, "taskId");
    } else if (command instanceof GetTaskFormVariablesCmd form) {
      taskId = form.resourceId;
    } else if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
        && Boolean.TRUE.equals(CommandFields.read(command, "returnVariables"))) {
      taskId = CommandFields.readString(command, "taskId");
    } else if (command instanceof GetExecutionVariablesCmd || command instanceof GetExecutionVariableCmd
        || command instanceof GetExecutionVariableTypedCmd) {
      executionId = CommandFields.readString(command, "executionId");
    } else if (command instanceof VariableInstanceQueryImpl || command instanceof HistoricVariableInstanceQueryImpl
        || command instanceof HistoricDetailQueryImpl) {
      return new Read(command.getClass().getSimpleName(), new LinkedHashSet<>(), true);
    } else {
      return null;
    }
    Set<String> instances = new LinkedHashSet<>();
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task != null && task.getProcessInstanceId() != null) {
        instances.add(task.getProcessInstanceId());
      }
    } else if (executionId != null) {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
      if (execution != null) {
        instances.add(execution.getProcessInstanceId());
      }
    }
    return new Read(command.getClass().getSimpleName(), instances, false);
  }

  void after(Read read, Object result, Caller caller, CommandContext context) {
    Set<String> instances = read.processInstanceIds();
    if (read.fromResult()) {
      if (!(result instanceof Collection<?> rows) || rows.isEmpty()) {
        return; // a count, or nothing read
      }
      for (Object row : rows) {
        String id = null;
        if (row instanceof VariableInstance variable) {
          id = variable.getProcessInstanceId();
        } else if (row instanceof HistoricVariableInstance variable) {
          id = variable.getProcessInstanceId();
        } else if (row instanceof HistoricDetail detail) {
          id = detail.getProcessInstanceId();
        }
        if (id != null && instances.size() < MAX_CASES_PER_LINE) {
          instances.add(id);
        }
      }
      if (instances.isEmpty()) {
        return;
      }
    }
    AUDIT.info("case-variables-read user={} cases={} call=\"{}\" at={}", caller.userId(),
        caseReferences(instances, context), read.call(), Instant.now());
  }

  /** The case references (business keys of the root instances); the lookup must not depend on what the reader sees. */
  private static Set<String> caseReferences(Set<String> processInstanceIds, CommandContext context) {
    Set<String> references = new TreeSet<>();
    if (processInstanceIds.isEmpty()) {
      references.add("(none)");
      return references;
    }
    List<HistoricProcessInstance> instances = find(processInstanceIds, context);
    Set<String> roots = new LinkedHashSet<>();
    for (HistoricProcessInstance instance : instances) {
      if (instance.getRootProcessInstanceId() == null || instance.getRootProcessInstanceId().equals(instance.getId())) {
        references.add(instance.getBusinessKey() == null ? "(none)" : instance.getBusinessKey());
      } else {
        roots.add(instance.getRootProcessInstanceId());
      }
    }
    if (!roots.isEmpty()) {
      find(roots, context).forEach(root -> references.add(root.getBusinessKey() == null ? "(none)" : root.getBusinessKey()));
    }
    if (references.isEmpty()) {
      references.add("(unknown)");
    }
    return references;
  }

  private static List<HistoricProcessInstance> find(Set<String> ids, CommandContext context) {
    return context.runWithoutAuthorization(() ->
        ((HistoricProcessInstanceQueryImpl) new HistoricProcessInstanceQueryImpl().processInstanceIds(ids))
            .executeList(context, null));
  }
}
