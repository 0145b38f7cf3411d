package de.nrw.intervention.routing;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
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
  /** Weak keys: a command's answers go with its context. Contexts compare by identity. */
  private final Map<CommandContext, Map<String, Optional<Map<String, Object>>>> lookUpsByCommand =
      Collections.synchronizedMap(new WeakHashMap<>());

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
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return lookUp(engine, district);
    }
    // A case start asks for its district's groups several times (the start check, the opener's and each task's
    // grants, the supervisors' read rights), and every evaluation is a command of its own that writes a decision
    // instance to history. One evaluation per district and command answers them all.
    return lookUpsByCommand.computeIfAbsent(commandContext, context -> new ConcurrentHashMap<>())
        .computeIfAbsent(district, name -> commandContext.runWithoutAuthorization(() -> lookUp(engine, name)));
  }

  /** Evaluating a decision needs a permission caseworkers do not have; the routing table is not case data. */
  private Optional<Map<String, Object>> lookUp(ProcessEngineServices engine, String district) {
    DmnDecisionResult result = evaluate(engine, district);
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
