package de.nrw.intervention.board;

import de.nrw.intervention.deadline.LegalDeadline;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Process and task names as the models give them (German), and whether a task's deadline is a legal one (extension
 * property {@code legalDeadline}, {@link LegalDeadline}) or agreed. Read from the latest deployed version,
 * or from the version a running task belongs to; the engine's deployment cache holds the models, so this costs no
 * query after the first. One instance per board request.
 */
final class ModelNames {

  static final String AGREED = "vereinbart";

  private final DeploymentCache cache;
  private final Map<String, ProcessDefinitionEntity> latest = new HashMap<>();

  ModelNames(CommandContext commandContext) {
    this.cache = commandContext.getProcessEngineConfiguration().getDeploymentCache();
  }

  String processName(String processKey) {
    ProcessDefinitionEntity definition = latest(processKey);
    return definition == null || definition.getName() == null ? processKey : definition.getName();
  }

  String taskNameInLatest(String processKey, String taskKey) {
    UserTask task = userTask(latest(processKey), taskKey);
    return task == null || task.getName() == null ? taskKey : task.getName();
  }

  String taskName(String processDefinitionId, String taskKey) {
    UserTask task = userTask(cache.findDeployedProcessDefinitionById(processDefinitionId), taskKey);
    return task == null || task.getName() == null ? taskKey : task.getName();
  }

  /** "gesetzlich (§34a PolG NRW)" for a legal deadline, "vereinbart" for one the agencies agreed on. */
  String deadline(String processKey, String taskKey) {
    UserTask task = userTask(latest(processKey), taskKey);
    if (task == null || task.getExtensionElements() == null) {
      return AGREED;
    }
    for (CamundaProperties properties : task.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (LegalDeadline.BASIS_PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
          return "gesetzlich (" + property.getCamundaValue() + ")";
        }
      }
    }
    return AGREED;
  }

  private ProcessDefinitionEntity latest(String processKey) {
    return latest.computeIfAbsent(processKey, key -> {
      try {
        return cache.findDeployedLatestProcessDefinitionByKey(key);
      } catch (RuntimeException notDeployed) {
        return null;
      }
    });
  }

  private UserTask userTask(ProcessDefinitionEntity definition, String taskKey) {
    if (definition == null) {
      return null;
    }
    BpmnModelInstance model = cache.findBpmnModelInstanceForProcessDefinition(definition);
    return model.getModelElementById(taskKey) instanceof UserTask task ? task : null;
  }
}
