package de.nrw.intervention.security;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A group offered a task works on the case from then on, so it may read the case and its history. The engine
 * already lets it read and work the task itself. Task-only groups (schools) get nothing more than the task.
 */
class TaskCandidateAccess implements TaskListener {

  private final SecurityProperties properties;

  TaskCandidateAccess(SecurityProperties properties) {
    this.properties = properties;
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
  }
}
