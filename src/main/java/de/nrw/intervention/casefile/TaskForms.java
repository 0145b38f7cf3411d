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
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The fields of each user task's deployed Camunda form, read once per process definition and task definition (a
 * deployed form never changes). One engine holds one instance: the completion check ({@link TaskFormCheck}) and the
 * task-only agencies' read rule (package {@code access}) read the same form, so they share one reading of it.
 */
public final class TaskForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<JsonNode>> fieldsByTaskDefinition = new ConcurrentHashMap<>();

  /** The form's fields in form order, including read-only ones; empty for a task without a Camunda form. */
  public List<JsonNode> fields(String processDefinitionId, String taskDefinitionKey, String taskId,
      CommandContext context) {
    return fieldsByTaskDefinition.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey,
        key -> load(taskId, context));
  }

  private static List<JsonNode> load(String taskId, CommandContext context) {
    List<JsonNode> fields = new ArrayList<>();
    try (InputStream form = context.runWithoutAuthorization(() -> new GetDeployedTaskFormCmd(taskId).execute(context))) {
      StartFormCheck.collectFields(JSON.readTree(form), fields);
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return List.of();
    }
    return List.copyOf(fields);
  }
}
