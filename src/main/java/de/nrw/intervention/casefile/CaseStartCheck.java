package de.nrw.intervention.casefile;

import de.nrw.intervention.routing.DistrictRouting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Runs when a case starts, after the case reference check and inside the same transaction: a refused start
 * leaves nothing behind.
 * <ol>
 *   <li>the start variables must fit the process's start form ({@link StartFormCheck});</li>
 *   <li>the district must be one the routing decision knows, or no task would ever find an agency.</li>
 * </ol>
 */
public class CaseStartCheck implements ExecutionListener {

  private final DistrictRouting routing;

  public CaseStartCheck(DistrictRouting routing) {
    this.routing = routing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StartFormCheck.check(execution);
    Object district = execution.getVariable(DistrictRouting.DISTRICT);
    if (district == null || (district instanceof String text && text.isBlank())) {
      throw new InvalidCaseDataException(DistrictRouting.DISTRICT,
          "is required (the district whose agencies work the case)");
    }
    if (!(district instanceof String name)) {
      throw new InvalidCaseDataException(DistrictRouting.DISTRICT, "must be text");
    }
    if (routing.groupsOf(execution.getProcessEngineServices(), name).isEmpty()) {
      throw new InvalidCaseDataException(DistrictRouting.DISTRICT, "'" + district
          + "' is not a district of this platform (no row in " + routing.decisionKey() + ")");
    }
  }
}
