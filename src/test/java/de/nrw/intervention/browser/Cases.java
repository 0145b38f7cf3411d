package de.nrw.intervention.browser;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Cases a scenario needs but does not start itself, started the way another system would: without a browser. */
final class Cases {

  static final String YOUNG_OFFENDER = "young-offender-coordination";
  static final ZoneId NRW = ZoneId.of("Europe/Berlin");

  private final RuntimeService runtimeService;

  Cases(RunningApp app) {
    this.runtimeService = app.bean(RuntimeService.class);
  }

  /** No expulsion order, no children, no consent, standard risk: the case goes straight to "Close the case". */
  ProcessInstance domesticViolenceWithoutMeasures(String caseReference, String district) {
    return domesticViolence(caseReference, district, Map.of());
  }

  /** Expulsion order yesterday evening: the police's "Check compliance with the return ban" is waiting. */
  ProcessInstance domesticViolenceWithExpulsionOrder(String caseReference, String district) {
    return domesticViolence(caseReference, district, Map.of(
        "expulsionOrderIssued", true,
        "expulsionOrderDateTime", yesterdayAt(22).toString()));
  }

  /** Expulsion order and one child: the police's ban check and the Jugendamt's risk assessment are waiting. */
  ProcessInstance domesticViolenceWithExpulsionOrderAndChild(String caseReference, String district) {
    return domesticViolence(caseReference, district, Map.of(
        "expulsionOrderIssued", true,
        "expulsionOrderDateTime", yesterdayAt(22).toString(),
        "childCount", 1L,
        "childAges", "6",
        "householdAddress", "Musterstraße 2, 50667 Köln"));
  }

  /** Two children and a victim who consented to counselling: Jugendamt and counselling centre get tasks. */
  ProcessInstance domesticViolenceWithChildrenAndVictimDetails(String caseReference, String victimName) {
    return domesticViolence(caseReference, "koeln", Map.of(
        "childCount", 2L,
        "childAges", "4, 9",
        "householdAddress", "Musterstraße 1, 50667 Köln",
        "victimConsentsToCounselling", true,
        "victimName", victimName,
        "victimPhone", "0221 5550100",
        "victimAddress", "Musterstraße 1, 50667 Köln",
        "victimVeryFrightened", true));
  }

  /**
   * High risk (a threat to kill) with the given facts: the case waits for its district's case conference. With a
   * child the Jugendamt takes part, with the victim's consent the counselling centre.
   */
  ProcessInstance domesticViolenceHighRisk(String caseReference, Map<String, Object> facts) {
    Map<String, Object> extra = new HashMap<>(facts);
    extra.put("threatsToKill", true);
    return domesticViolence(caseReference, "koeln", extra);
  }

  ProcessInstance youngOffender(String caseReference, String district) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "caseReference", caseReference,
        "district", district,
        "age", 15L,
        "dateOfBirth", "2011-09-15",
        "offenceCategory", "property",
        "offencesLast12Months", 3L,
        "attendsSchool", true,
        "riskFamilyConflict", true));
    return runtimeService.startProcessInstanceByKey(YOUNG_OFFENDER, caseReference, variables);
  }

  private ProcessInstance domesticViolence(String caseReference, String district, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "caseReference", caseReference,
        "district", district,
        "operationDateTime", yesterdayAt(21).toString(),
        "expulsionOrderIssued", false,
        "childCount", 0L,
        "victimConsentsToCounselling", false,
        "professionalJudgementHighRisk", false));
    variables.putAll(extra);
    return runtimeService.startProcessInstanceByKey(DomesticViolenceIntervention.PROCESS_KEY, caseReference, variables);
  }

  private static OffsetDateTime yesterdayAt(int hour) {
    return OffsetDateTime.now(NRW).minusDays(1).withHour(hour).withMinute(0).withSecond(0).withNano(0);
  }
}
