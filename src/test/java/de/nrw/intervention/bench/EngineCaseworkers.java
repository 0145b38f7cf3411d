package de.nrw.intervention.bench;

import de.nrw.intervention.conference.CaseConference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine floor: the same caseload through the engine's Java API in-process, no HTTP and no authentication
 * filter. Like the REST caseworkers, each round every caseworker lists the case's tasks; each list query runs
 * under that caseworker's engine authentication (user and groups, looked up once), so the engine applies the same
 * authorization checks as to the REST call. Starts, messages, claim, form variables and complete run without
 * authentication.
 */
final class EngineCaseworkers extends Caseworkers {

  private final ProcessEngine engine;

  /** The groups of each caseworker, as the REST authentication filter would find them (looked up once). */
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  EngineCaseworkers(ProcessEngine engine, Stats stats) {
    super(stats);
    this.engine = engine;
  }

  /** The caseworker's task query as the REST call runs it: the case's tasks this user is authorized to read. */
  private List<Task> listAs(String user, String businessKey) {
    IdentityService identity = engine.getIdentityService();
    List<String> groupIds = groups.computeIfAbsent(user, id -> identity.createGroupQuery().groupMember(id).list()
        .stream().map(Group::getId).toList());
    identity.setAuthentication(user, groupIds);
    try {
      // By business key: the school's observation and the conference case run in called processes of their own,
      // with the case's key.
      return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).listPage(0, 50);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  String start(Caseload.Case c) {
    engine.getIdentityService().clearAuthentication();
    try {
      return stats.time("start", () -> engine.getRuntimeService()
          .startProcessInstanceByKey(c.process(), c.businessKey(), Caseload.startVariables(c))).getId();
    } catch (RuntimeException e) {
      stats.error("start " + c.businessKey() + ": " + e);
      return null;
    }
  }

  @Override
  boolean callConference(Caseload.Case c) {
    try {
      stats.time("call-conference", () -> engine.getRuntimeService().startProcessInstanceByKey(
          CaseConference.CONFERENCE_PROCESS_KEY, Caseload.conferenceReference(c), Caseload.conferenceStartVariables(c)));
      return true;
    } catch (RuntimeException e) {
      stats.error("call conference for " + c.businessKey() + ": " + e);
      return false;
    }
  }

  @Override
  void courtMessages(Caseload.Case c) {
    stats.time("message", () -> engine.getRuntimeService().createMessageCorrelation("FamilyCourtProtectionOrderApplied")
        .processInstanceBusinessKey(c.businessKey()).correlateWithResult());
    stats.time("message", () -> engine.getRuntimeService().createMessageCorrelation("FamilyCourtDecided")
        .processInstanceBusinessKey(c.businessKey()).correlateWithResult());
  }

  @Override
  void work(String user, String businessKey, Caseload.Case c, Set<String> done, Set<String> completed) {
    List<Task> tasks = stats.time("list-tasks", () -> listAs(user, businessKey));
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
        completed.add(task.getTaskDefinitionKey());
      } catch (RuntimeException e) {
        stats.error("task " + task.getTaskDefinitionKey() + " of " + businessKey + ": " + e);
      }
    }
  }

  @Override
  boolean ended(Caseload.Case c, String instanceId) {
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count() == 0) {
      return true;
    }
    stats.error("case " + c.businessKey() + " not ended and no visible task");
    return false;
  }
}
