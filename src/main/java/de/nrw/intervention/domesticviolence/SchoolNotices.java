package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CHILD_COUNT;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.SchoolChildSlots;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Which school-age children of the household get a notice to their school: the start form's child slots with a first
 * name and a recorded legal basis (a custodial parent's consent or the Jugendamt's decision). Without one, the
 * school hears nothing: NRW has no statute for such notices (DOMAIN.md, "Police and schools").
 *
 * <p>Public because the process model calls it through JUEL, which only invokes methods of public classes.
 */
@Component("schoolNotices")
public class SchoolNotices {

  static final Set<String> LEGAL_BASES = Set.of("parentalConsent", "youthWelfareDecision");

  /** The slot numbers (1, 2) of the children whose school gets a notice, one call of school-notice each. */
  public List<Integer> slots(VariableScope caseVariables) {
    List<Integer> slots = new ArrayList<>();
    if (CaseFacts.number(caseVariables.getVariable(CHILD_COUNT)) < 1) {
      return slots;
    }
    for (int slot = 1; slot <= SchoolChildSlots.COUNT; slot++) {
      Object firstName = caseVariables.getVariable(SchoolChildSlots.firstName(slot));
      Object legalBasis = caseVariables.getVariable(SchoolChildSlots.legalBasis(slot));
      if (firstName instanceof String name && !name.isBlank() && LEGAL_BASES.contains(legalBasis)) {
        slots.add(slot);
      }
    }
    return slots;
  }

  public boolean any(VariableScope caseVariables) {
    return !slots(caseVariables).isEmpty();
  }
}
