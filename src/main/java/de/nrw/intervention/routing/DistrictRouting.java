package de.nrw.intervention.routing;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The agency groups of a district, from the routing decision. The same table routes tasks (the models call it
 * through their business rule tasks), so whoever asks here gets the groups the tasks went to.
 */
public final class DistrictRouting {

  /** The case variable naming its district, shared by every case model. */
  public static final String DISTRICT = "district";

  /**
   * The district as people read it ("Köln" for {@code koeln}): an output of the routing decision, and the case
   * variable the case start sets from it for the task cards.
   */
  public static final String DISTRICT_NAME = "districtName";

  private final String decisionKey;

  public DistrictRouting(RoutingProperties properties) {
    this.decisionKey = properties.decision();
  }

  public String decisionKey() {
    return decisionKey;
  }

  /** The decision's outputs for the district (output name → group id); empty when no row knows the district. */
  public Optional<Map<String, Object>> groupsOf(ProcessEngineServices engine, String district) {
    if (district == null || district.isBlank()) {
      return Optional.empty();
    }
    // Evaluating a decision needs a permission caseworkers do not have; the routing table is not case data.
    CommandContext commandContext = Context.getCommandContext();
    DmnDecisionResult result = commandContext == null ? evaluate(engine, district)
        : commandContext.runWithoutAuthorization(() -> evaluate(engine, district));
    return result.isEmpty() ? Optional.empty() : Optional.of(result.getFirstResult().getEntryMap());
  }

  /** One group of the district, by the decision's output name (e.g. {@code policeSupervisorGroup}). */
  public Optional<String> group(ProcessEngineServices engine, Object district, String output) {
    if (!(district instanceof String name)) {
      return Optional.empty();
    }
    return groupsOf(engine, name).map(groups -> groups.get(output))
        .filter(group -> group instanceof String text && !text.isBlank())
        .map(Object::toString);
  }

  private DmnDecisionResult evaluate(ProcessEngineServices engine, String district) {
    return engine.getDecisionService().evaluateDecisionByKey(decisionKey)
        .variables(Variables.createVariables().putValue(DISTRICT, district))
        .evaluate();
  }
}
