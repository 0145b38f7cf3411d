package de.nrw.intervention.security;

import de.nrw.intervention.casefile.InvalidCaseDataException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Runs when a case starts, after the case reference check and inside the same transaction: a refused start
 * leaves nothing behind.
 * <ol>
 *   <li>the start variables must fit the process's start form ({@link StartFormCheck});</li>
 *   <li>the district must be one the routing decision knows, or no task would ever find an agency;</li>
 *   <li>the district's police and supervisors may read the case from now on (everyone else only once a task is
 *       offered to them, see {@link TaskCandidateAccess}).</li>
 * </ol>
 */
class CaseStartCheck implements ExecutionListener {

  static final String DISTRICT = "district";

  private final SecurityProperties properties;

  CaseStartCheck(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StartFormCheck.check(execution);
    Map<String, Object> routing = route(execution);
    for (String output : properties.caseOpenerOutputs()) {
      if (routing.get(output) instanceof String groupId && !groupId.isBlank()) {
        CaseReadGrants.grantRead(execution.getProcessEngineServices(), groupId, execution.getProcessInstanceId());
      }
    }
  }

  private Map<String, Object> route(DelegateExecution execution) {
    Object district = execution.getVariable(DISTRICT);
    if (district == null || (district instanceof String text && text.isBlank())) {
      throw new InvalidCaseDataException(DISTRICT, "is required (the district whose agencies work the case)");
    }
    if (!(district instanceof String)) {
      throw new InvalidCaseDataException(DISTRICT, "must be text");
    }
    // Evaluating a decision needs a permission caseworkers do not have; the routing table is not case data.
    DmnDecisionResult result = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getDecisionService()
            .evaluateDecisionByKey(properties.routingDecision())
            .variables(Variables.createVariables().putValue(DISTRICT, district))
            .evaluate());
    if (result.isEmpty()) {
      throw new InvalidCaseDataException(DISTRICT,
          "'" + district + "' is not a district of this platform (no row in " + properties.routingDecision() + ")");
    }
    return result.getFirstResult().getEntryMap();
  }
}
