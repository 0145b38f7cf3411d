package de.nrw.intervention.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.casefile.StartFormCheck;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The variables a task-only agency may read through a task: the fields of that task's Camunda form and the case
 * reference. Kept per process definition and task definition (a deployed form never changes).
 */
final class TaskFormFields {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> REFERENCE_ONLY = Set.of(CaseReferenceListener.VARIABLE);

  private final Map<String, Set<String>> fieldsByTaskDefinition = new ConcurrentHashMap<>();

  Set<String> of(String taskId, CommandContext context) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return REFERENCE_ONLY;
    }
    return fieldsByTaskDefinition.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> load(taskId, context));
  }

  private static Set<String> load(String taskId, CommandContext context) {
    Set<String> allowed = new HashSet<>(REFERENCE_ONLY);
    try (InputStream form = context.runWithoutAuthorization(() -> new GetDeployedTaskFormCmd(taskId).execute(context))) {
      List<JsonNode> fields = new ArrayList<>();
      StartFormCheck.collectFields(JSON.readTree(form), fields);
      fields.forEach(field -> allowed.add(field.get("key").asText()));
    } catch (ProcessEngineException | IOException noCamundaForm) {
      // A task without a Camunda form shows a task-only agency nothing but the case reference.
    }
    return Set.copyOf(allowed);
  }
}
