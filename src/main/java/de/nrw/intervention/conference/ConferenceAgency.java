package de.nrw.intervention.conference;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The agencies that take part in a case conference and may own its actions, as the result form offers them. Their
 * groups come from the case's routing ({@code policeGroup} ...). Schools are not among them: they never see the
 * victim's details, and what they observe reaches the conference through the Jugendamt.
 */
enum ConferenceAgency {
  POLICE("police", "Polizei"),
  YOUTH_WELFARE("youthWelfare", "Jugendamt"),
  COUNSELLING("counselling", "Beratungsstelle");

  private final String value;
  private final String label;

  ConferenceAgency(String value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The option value of the result form's owner selects. */
  String value() {
    return value;
  }

  String label() {
    return label;
  }

  /** The case variable the routing task sets to this agency's group of the district. */
  String groupVariable() {
    return value + "Group";
  }

  /** Where this agency's preparation is kept for the coordinator: {@code policeFindings}, {@code policeProposal}. */
  String findingsVariable() {
    return value + "Findings";
  }

  String proposalVariable() {
    return value + "Proposal";
  }

  static Optional<ConferenceAgency> ofValue(Object value) {
    return Arrays.stream(values()).filter(agency -> agency.value.equals(value)).findFirst();
  }

  /** The agency whose district group {@code groupId} is, in this case. */
  static Optional<ConferenceAgency> ofGroup(VariableScope caseVariables, String groupId) {
    return Arrays.stream(values())
        .filter(agency -> groupId != null && groupId.equals(caseVariables.getVariable(agency.groupVariable())))
        .findFirst();
  }
}
