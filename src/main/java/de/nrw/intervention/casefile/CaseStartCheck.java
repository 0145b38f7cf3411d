package de.nrw.intervention.casefile;

import de.nrw.intervention.routing.DistrictRouting;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Runs when a case starts, after the case reference check and inside the same transaction: a refused start
 * leaves nothing behind.
 * <ol>
 *   <li>the start variables must fit the process's start form ({@link StartFormCheck});</li>
 *   <li>the district must be one the routing decision knows, or no task would ever find an agency.</li>
 * </ol>
 * It then sets {@value DistrictRouting#DISTRICT_NAME}, the district's display name from the routing decision, which
 * the Tasklist filters show on every task card.
 */
public class CaseStartCheck implements ExecutionListener {

  private static final String DISTRICT_LABEL = "Bezirk";

  private final DistrictRouting routing;

  public CaseStartCheck(DistrictRouting routing) {
    this.routing = routing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StartFormCheck.check(execution);
    Object district = execution.getVariable(DistrictRouting.DISTRICT);
    if (district == null || (district instanceof String text && text.isBlank())) {
      throw new InvalidCaseDataException(DistrictRouting.DISTRICT, DISTRICT_LABEL,
          "bitte den Bezirk angeben, dessen Stellen den Fall bearbeiten");
    }
    if (!(district instanceof String name)) {
      throw new InvalidCaseDataException(DistrictRouting.DISTRICT, DISTRICT_LABEL, "muss Text sein");
    }
    Map<String, Object> routed = routing.groupsOf(execution.getProcessEngineServices(), name)
        .orElseThrow(() -> new InvalidCaseDataException(DistrictRouting.DISTRICT, DISTRICT_LABEL, "'" + district
            + "' ist kein Bezirk dieser Plattform (keine Zeile in " + routing.decisionKey() + ")"));
    // Task cards show the district as people write it ("Köln"); the id stays the routing key.
    Object displayName = routed.get(DistrictRouting.DISTRICT_NAME);
    execution.setVariable(DistrictRouting.DISTRICT_NAME, displayName instanceof String text && !text.isBlank() ? text : name);
  }
}
