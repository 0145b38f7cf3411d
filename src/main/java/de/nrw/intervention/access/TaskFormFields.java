package de.nrw.intervention.access;

import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.casefile.TaskForms;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The variables a task-only agency may read through a task: the fields of that task's Camunda form and the case
 * reference. A task without a Camunda form shows such an agency nothing but the case reference.
 */
final class TaskFormFields {

  private static final Set<String> REFERENCE_ONLY = Set.of(CaseReferenceListener.VARIABLE);

  private final TaskForms forms;

  TaskFormFields(TaskForms forms) {
    this.forms = forms;
  }

  Set<String> of(String taskId, CommandContext context) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return REFERENCE_ONLY;
    }
    Set<String> allowed = new HashSet<>(REFERENCE_ONLY);
    forms.fields(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), taskId, context)
        .forEach(field -> allowed.add(field.get("key").asText()));
    return allowed;
  }
}
