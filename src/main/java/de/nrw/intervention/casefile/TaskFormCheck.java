package de.nrw.intervention.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<JsonNode>> fieldsByTaskDefinition = new ConcurrentHashMap<>();

  @Override
  public void notify(DelegateTask task) {
    for (JsonNode field : editableFields(task)) {
      Object value = task.getVariable(field.path("key").asText());
      if (value != null && !(value instanceof String text && text.isBlank())) {
        StartFormCheck.checkValue(field.path("key").asText(), field, field.path("validate"), value);
      }
    }
  }

  private List<JsonNode> editableFields(DelegateTask task) {
    return fieldsByTaskDefinition.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        definition -> load(task.getId()));
  }

  private static List<JsonNode> load(String taskId) {
    CommandContext context = Context.getCommandContext();
    List<JsonNode> fields = new ArrayList<>();
    try (InputStream form = context.runWithoutAuthorization(() -> new GetDeployedTaskFormCmd(taskId).execute(context))) {
      StartFormCheck.collectFields(JSON.readTree(form), fields);
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return List.of(); // a task without a Camunda form has no fields to hold its completion to
    }
    return fields.stream().filter(field -> !field.path("disabled").asBoolean(false)
        && !field.path("readonly").asBoolean(false)).toList();
  }
}
