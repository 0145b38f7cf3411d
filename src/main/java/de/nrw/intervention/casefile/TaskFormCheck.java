package de.nrw.intervention.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Holds a task completion to the types its Camunda form shows: a number field holds a number, a checkbox a boolean,
 * a date field an ISO date, a text or choice field text (and one of the options). Without it, a REST client that
 * skips the form stores e.g. a number where the model later expects a date, and the case fails at a later step with
 * a message that names no field. A refusal rolls the completion back: the task stays open and nothing is written.
 *
 * <p>Only the form's editable fields are checked, and only for the values the task's variables hold; whether a
 * required field is filled stays Tasklist's check, as it was.
 */
public final class TaskFormCheck implements TaskListener {

  private final TaskForms forms;

  public TaskFormCheck(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    for (JsonNode field : forms.fields(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getId(),
        Context.getCommandContext())) {
      if (field.path("disabled").asBoolean(false) || field.path("readonly").asBoolean(false)) {
        continue;
      }
      String key = field.path("key").asText();
      Object value = task.getVariable(key);
      if (value != null && !(value instanceof String text && text.isBlank())) {
        StartFormCheck.checkValue(key, field, field.path("validate"), value);
      }
    }
  }
}
