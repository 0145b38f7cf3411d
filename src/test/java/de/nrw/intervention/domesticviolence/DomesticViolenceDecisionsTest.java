package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.PROFESSIONAL_JUDGEMENT_HIGH_RISK;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_INDICATORS;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_LEVEL;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_LEVEL_REASON;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.RISK_LEVEL_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Decisions;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** One test per rule row of the risk-indicator, risk-level and deadline tables. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"domestic-violence-risk-level.dmn", "domestic-violence-deadlines.dmn"})
class DomesticViolenceDecisionsTest {

  static final List<String> INDICATORS = RISK_INDICATORS;

  ProcessEngine processEngine;

  @ParameterizedTest
  @FieldSource("INDICATORS")
  void riskIndicators_eachYesAnswer_countsOne(String indicator) {
    DmnDecisionResult result = evaluate(Decisions.RISK_INDICATORS, checklist(0).putValue(indicator, true));

    assertThat(result.<Object>getSingleEntry()).isEqualTo(1);
  }

  @Test
  void riskIndicators_allYes_countsFourteen() {
    assertThat(evaluate(Decisions.RISK_INDICATORS, checklist(14)).<Object>getSingleEntry()).isEqualTo(14);
  }

  @Test
  void riskLevel_professionalJudgement_isHighWhateverTheChecklist() {
    assertLevel(checklist(0).putValue(PROFESSIONAL_JUDGEMENT_HIGH_RISK, true), "high", "fachliche Einschätzung");
  }

  @Test
  void riskLevel_repeatReferral_isHighWhateverTheChecklist() {
    assertLevel(checklist(0).putValue("repeatReferral", true), "high", "wiederholte Anmeldung innerhalb von 12 Monaten");
  }

  @Test
  void riskLevel_noRepeat_leavesTheChecklistToDecide() {
    assertLevel(checklist(0).putValue("repeatReferral", false), "standard", "unter dem Schwellenwert");
  }

  @ParameterizedTest
  @CsvSource({
      "strangulationAttempted, Warnsignal: Würgen",
      "threatsToKill, Warnsignal: Todesdrohung",
      "weaponUsed, Warnsignal: Waffe"})
  void riskLevel_redFlagAlone_isHigh(String redFlag, String reason) {
    assertLevel(checklist(0).putValue(redFlag, true), "high", reason);
  }

  @Test
  void riskLevel_eightYesAnswersWithoutRedFlag_isHigh() {
    assertLevel(checklist(8), "high", "Risikomerkmale");
  }

  @Test
  void riskLevel_sevenYesAnswersWithoutRedFlag_isStandard() {
    assertLevel(checklist(7), "standard", "unter dem Schwellenwert");
  }

  @Test
  void riskLevel_noYesAnswer_isStandard() {
    assertLevel(checklist(0), "standard", "unter dem Schwellenwert");
  }

  @Test
  void riskLevel_checklistNotSubmitted_isStandard() {
    assertLevel(Variables.createVariables(), "standard", "unter dem Schwellenwert");
  }

  @Test
  void deadlines_highRisk_shortenContactAndChildAssessmentToOneDay() {
    assertThat(evaluate(Decisions.DEADLINES, Variables.createVariables().putValue(RISK_LEVEL, "high"))
        .getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
            "counsellingContactPeriod", "P1D",
            "childRiskAssessmentPeriod", "P1D",
            "schoolObservationPeriod", "P14D",
            "banComplianceCheckPeriod", "P3D",
            "banViolationResponsePeriod", "P1D",
            "caseConferencePeriod", "P7D",
            "safetyPlanPeriod", "P2D",
            "caseClosurePeriod", "P7D"));
  }

  @Test
  void deadlines_standardRisk_giveThreeDaysForContactAndChildAssessment() {
    assertThat(evaluate(Decisions.DEADLINES, Variables.createVariables().putValue(RISK_LEVEL, "standard"))
        .getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
            "counsellingContactPeriod", "P3D",
            "childRiskAssessmentPeriod", "P3D",
            "schoolObservationPeriod", "P14D",
            "banComplianceCheckPeriod", "P3D",
            "banViolationResponsePeriod", "P1D",
            "caseConferencePeriod", "P7D",
            "safetyPlanPeriod", "P2D",
            "caseClosurePeriod", "P7D"));
  }

  @Test
  void deadlines_everyPeriodIsMappedIntoTheProcess() {
    assertThat(evaluate(Decisions.DEADLINES, Variables.createVariables().putValue(RISK_LEVEL, "standard"))
        .getSingleResult().keySet()).containsExactlyInAnyOrderElementsOf(
            DomesticViolenceIntervention.Variables.DEADLINE_PERIODS);
  }

  @Test
  void deadlines_unknownRiskLevel_matchesNoRule() {
    assertThat(evaluate(Decisions.DEADLINES, Variables.createVariables().putValue(RISK_LEVEL, "medium"))).isEmpty();
  }

  private void assertLevel(VariableMap variables, String level, String reason) {
    assertThat(evaluate(Decisions.RISK_LEVEL, variables).getSingleResult().getEntryMap())
        .containsEntry(RISK_LEVEL, level).containsEntry(RISK_LEVEL_REASON, reason)
        .containsEntry(RISK_LEVEL_LABEL, "high".equals(level) ? "hohes Risiko" : "Standardrisiko");
  }

  /** The first {@code yes} indicators answered yes, skipping the red flags, all others no. */
  private static VariableMap checklist(int yes) {
    List<String> redFlags = List.of("strangulationAttempted", "threatsToKill", "weaponUsed");
    VariableMap variables = Variables.createVariables().putValue(PROFESSIONAL_JUDGEMENT_HIGH_RISK, false);
    int answered = 0;
    for (String indicator : RISK_INDICATORS) {
      boolean answer = yes == RISK_INDICATORS.size() || (!redFlags.contains(indicator) && answered < yes);
      if (answer) {
        answered++;
      }
      variables.putValue(indicator, answer);
    }
    return variables;
  }

  private DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
    return processEngine.getDecisionService().evaluateDecisionByKey(decisionKey).variables(variables).evaluate();
  }
}
