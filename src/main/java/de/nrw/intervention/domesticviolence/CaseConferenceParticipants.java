package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CHILD_COUNT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.COUNSELLING_GROUP;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.POLICE_GROUP;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.VICTIM_CONSENTS_TO_COUNSELLING;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.YOUTH_WELFARE_GROUP;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The agencies that contribute to a high-risk case conference, as candidate groups of the district.
 *
 * <p>Police always; the Jugendamt where children live in the household; the counselling centre only with the
 * victim's consent, because without it the centre may not receive the victim's data. Schools do not take part:
 * they must not see the victim's details, and their observations reach the conference through the Jugendamt.
 *
 * <p>Public because the process model calls it through JUEL, which only invokes methods of public classes.
 */
@Component("caseConferenceParticipants")
public class CaseConferenceParticipants {

  /** The groups as the called {@code conference-case} takes them: one comma-separated text (no list variables). */
  public String agencies(VariableScope caseVariables) {
    return String.join(",", groups(caseVariables));
  }

  List<String> groups(VariableScope caseVariables) {
    List<String> groups = new ArrayList<>();
    groups.add((String) caseVariables.getVariable(POLICE_GROUP));
    if (CaseFacts.number(caseVariables.getVariable(CHILD_COUNT)) > 0) {
      groups.add((String) caseVariables.getVariable(YOUTH_WELFARE_GROUP));
    }
    if (CaseFacts.isTrue(caseVariables.getVariable(VICTIM_CONSENTS_TO_COUNSELLING))) {
      groups.add((String) caseVariables.getVariable(COUNSELLING_GROUP));
    }
    return groups;
  }
}
