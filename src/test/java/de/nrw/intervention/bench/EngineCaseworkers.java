package de.nrw.intervention.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import java.util.List;

/**
 * The engine floor: the same caseload through the engine's Java API in-process (no HTTP, no authentication),
 * one task query per round instead of one per caseworker.
 */
final class EngineCaseworkers {

  private final ProcessEngine engine;
  final Stats stats;

  EngineCaseworkers(ProcessEngine engine, Stats stats) {
    this.engine = engine;
    this.stats = stats;
  }

  boolean run(Caseload.Case c) {
    engine.getIdentityService().clearAuthentication();
    ProcessInstance instance;
    try {
      instance = stats.time("start", () -> engine.getRuntimeService()
          .startProcessInstanceByKey(c.process(), c.businessKey(), Caseload.startVariables(c)));
    } catch (RuntimeException e) {
      stats.error("start " + c.businessKey() + ": " + e);
      return false;
    }
    if (c.banBranch()) {
      stats.time("message", () -> engine.getRuntimeService().createMessageCorrelation("FamilyCourtProtectionOrderApplied")
          .processInstanceBusinessKey(c.businessKey()).correlateWithResult());
      stats.time("message", () -> engine.getRuntimeService().createMessageCorrelation("FamilyCourtDecided")
          .processInstanceBusinessKey(c.businessKey()).correlateWithResult());
    }
    for (int round = 0; round < 40; round++) {
      List<Task> tasks = stats.time("list-tasks", () -> engine.getTaskService().createTaskQuery()
          .processInstanceId(instance.getId()).listPage(0, 50));
      if (tasks.isEmpty()) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
      }
      for (Task task : tasks) {
        try {
          stats.time("claim", () -> {
            engine.getTaskService().claim(task.getId(), "officer");
            return null;
          });
          stats.time("form-variables", () -> engine.getFormService().getTaskFormVariables(task.getId()));
          stats.time("complete", () -> {
            engine.getTaskService().complete(task.getId(), Caseload.completion(c, task.getTaskDefinitionKey()));
            return null;
          });
        } catch (RuntimeException e) {
          stats.error("task " + task.getTaskDefinitionKey() + " of " + c.businessKey() + ": " + e);
        }
      }
    }
    stats.error("case " + c.businessKey() + " exceeded 40 rounds");
    return false;
  }
}
