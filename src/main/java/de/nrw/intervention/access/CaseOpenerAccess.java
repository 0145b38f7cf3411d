package de.nrw.intervention.access;

import de.nrw.intervention.routing.DistrictRouting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * When a case starts (after {@code CaseStartCheck} accepted it), its district's police and supervisors may read it:
 * everyone else only once a task is offered to them ({@link TaskCandidateAccess}).
 */
class CaseOpenerAccess implements ExecutionListener {

  private final AccessProperties properties;
  private final DistrictRouting routing;

  CaseOpenerAccess(AccessProperties properties, DistrictRouting routing) {
    this.properties = properties;
    this.routing = routing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object district = execution.getVariable(DistrictRouting.DISTRICT);
    for (String output : properties.caseOpenerOutputs()) {
      routing.group(execution.getProcessEngineServices(), district, output).ifPresent(groupId ->
          CaseReadGrants.grantRead(execution.getProcessEngineServices(), groupId, execution.getProcessInstanceId()));
    }
  }
}
