package de.nrw.intervention.access;

import de.nrw.intervention.routing.DistrictRouting;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A group offered a task works on the case from then on, so it may read the case and its history. The engine
 * already lets it read and work the task itself. Task-only groups (schools) get nothing more than the task.
 * The district's supervisors may read every task of their district's cases (not claim or complete them): they
 * follow deadlines and escalations.
 */
class TaskCandidateAccess implements TaskListener {

  private final AccessProperties properties;
  private final DistrictRouting routing;

  TaskCandidateAccess(AccessProperties properties, DistrictRouting routing) {
    this.properties = properties;
    this.routing = routing;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    for (IdentityLink candidate : task.getCandidates()) {
      String groupId = candidate.getGroupId();
      if (groupId == null || !IdentityLinkType.CANDIDATE.equals(candidate.getType())
          || properties.isTaskOnlyGroup(groupId)) {
        continue;
      }
      CaseReadGrants.grantRead(task.getProcessEngineServices(), groupId, execution.getProcessInstanceId());
      if (!execution.getRootProcessInstanceId().equals(execution.getProcessInstanceId())) {
        CaseReadGrants.grantRead(task.getProcessEngineServices(), groupId, execution.getRootProcessInstanceId());
      }
    }
    Object district = task.getVariable(DistrictRouting.DISTRICT);
    for (String output : properties.supervisorOutputs()) {
      routing.group(task.getProcessEngineServices(), district, output).ifPresent(groupId ->
          CaseReadGrants.grantTaskRead(task.getProcessEngineServices(), groupId, task.getId()));
    }
  }
}
