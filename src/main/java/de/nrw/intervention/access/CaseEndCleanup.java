package de.nrw.intervention.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * When a process instance ends, its runtime grants point at nothing and would pile up; they go. The history
 * grants stay: they carry the case's removal time and leave with its history in the cleanup window.
 */
class CaseEndCleanup implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
      for (Authorization grant : authorizations.createAuthorizationQuery()
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()) {
        authorizations.deleteAuthorization(grant.getId());
      }
      return null;
    });
  }
}
