package de.nrw.intervention.access;

import de.nrw.intervention.routing.DistrictRouting;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * A process listed in {@code intervention.access.restricted-starts} may be started only by a member of one of the
 * listed routing outputs' groups of the case's own district: a school reports a threat at a school of its district,
 * and nobody else opens such a case, whatever definition rights they hold (the police may start any case process).
 * Runs when the case starts, after the district was checked, so the refusal leaves nothing behind. Code running
 * without a user (the engine's own calls, tests) is trusted, as everywhere in this package.
 */
class CaseStarterCheck implements ExecutionListener {

  private final AccessProperties properties;
  private final DistrictRouting routing;

  CaseStarterCheck(AccessProperties properties, DistrictRouting routing) {
    this.properties = properties;
    this.routing = routing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> outputs = properties.restrictedStarts()
        .get(((ExecutionEntity) execution).getProcessDefinition().getKey());
    Caller caller = Caller.of(Context.getCommandContext().getAuthentication());
    if (outputs == null || caller == null || execution.getSuperExecution() != null) {
      return;
    }
    Object district = execution.getVariable(DistrictRouting.DISTRICT);
    boolean member = outputs.stream()
        .map(output -> routing.group(execution.getProcessEngineServices(), district, output))
        .flatMap(Optional::stream)
        .anyMatch(caller.groupIds()::contains);
    if (!member) {
      throw new AuthorizationException("Diesen Fall können nur die zuständigen Stellen des Bezirks eröffnen"
          + " (Start von '" + ((ExecutionEntity) execution).getProcessDefinition().getName() + "' nicht erlaubt)");
    }
  }
}
