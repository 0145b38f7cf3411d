package de.nrw.intervention.bench;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine floor: the same caseload through the engine's Java API in-process, no HTTP and no authentication
 * filter. Like the REST caseworkers, each round every caseworker lists the case's tasks; each list query runs
 * under that caseworker's engine authentication (user and groups, looked up once), so the engine applies the same
 * authorization checks as to the REST call. Claim, form variables and complete run without authentication.
 */
final class EngineCaseworkers {

  private final ProcessEngine engine;
  final Stats stats;

  /** The groups of each caseworker, as the REST authentication filter would find them (looked up once). */
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  EngineCaseworkers(ProcessEngine engine, Stats stats) {
    this.engine = engine;
    this.stats = stats;
  }

  /** The caseworker's task query as the REST call runs it: the case's tasks this user is authorized to read. */
  private List<Task> listAs(String user, String businessKey) {
    IdentityService identity = engine.getIdentityService();
    List<String> groupIds = groups.computeIfAbsent(user, id -> identity.createGroupQuery().groupMember(id).list()
        .stream().map(Group::getId).toList());
    identity.setAuthentication(user, groupIds);
    try {
      // By business key: the school's observation runs in a called process of its own, with the case's key.
      return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).listPage(0, 50);
    } finally {
      identity.clearAuthentication();
    }
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
      Set<String> done = new HashSet<>();
      for (String user : Caseload.CASEWORKERS) {
        List<Task> tasks = stats.time("list-tasks", () -> listAs(user, c.businessKey()));
        for (Task task : tasks) {
          if (!done.add(task.getId())) {
            continue;
          }
          try {
            stats.time("claim", () -> {
              engine.getTaskService().claim(task.getId(), user);
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
      if (done.isEmpty()) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
      }
    }
    stats.error("case " + c.businessKey() + " exceeded 40 rounds");
    return false;
  }
}
