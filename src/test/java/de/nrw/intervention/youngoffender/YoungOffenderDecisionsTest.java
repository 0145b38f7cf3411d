package de.nrw.intervention.youngoffender;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the track and deadline decisions, with the rule that matched, not only the output. */
class YoungOffenderDecisionsTest {

  private final List<String> matchedRules = new ArrayList<>();
  private DmnEngine dmnEngine;

  @BeforeEach
  void buildDmnEngine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.<DmnDecisionEvaluationListener>of(this::recordMatchedRules));
    dmnEngine = configuration.buildEngine();
  }

  @ParameterizedTest(name = "age {1}, {2}, {3} offences, {4} risk factors → {5} by {0}")
  @CsvSource({
      // rule id,                 age, category, offences, risk factors, track
      "rule-repeat-offender,        16, other,    6, 0, repeatOffender",
      "rule-repeat-offender,        14, property, 5, 0, repeatOffender",
      // overlap: a violent repeat offender with risk factors goes to the conference, not into prevention
      "rule-repeat-offender,        15, violent,  5, 3, repeatOffender",
      "rule-intensive-violent,      15, violent,  1, 1, intensive",
      "rule-intensive-violent,       8, violent,  2, 1, intensive",
      "rule-intensive-violent,      17, violent,  1, 4, intensive",
      "rule-intensive-property,     15, property, 3, 2, intensive",
      // overlap: a child of 12 who meets "Kurve kriegen" criteria is taken into prevention, not only the child track
      "rule-intensive-property,     12, property, 4, 1, intensive",
      // overlap: under 14 with 5+ offences is not criminally responsible, so no repeat-offender conference
      "rule-intensive-property,     13, property, 6, 1, intensive",
      "rule-child,                  12, property, 1, 0, child",
      "rule-child,                   7, violent,  1, 3, child",
      "rule-child,                  13, violent,  1, 0, child",
      "rule-child,                  13, other,    6, 2, child",
      "rule-first-minor-offence,    15, property, 1, 0, diversion",
      "rule-first-minor-offence,    14, other,    1, 3, diversion",
      "rule-otherwise-diversion,    15, property, 2, 0, diversion",
      "rule-otherwise-diversion,    16, violent,  1, 0, diversion",
      "rule-otherwise-diversion,    16, other,    3, 2, diversion",
  })
  void trackDecision_everyRule(String rule, int age, String category, int offences, int riskFactors, String track) {
    DmnDecisionResult result = evaluate("young-offender-track", "young-offender-track.dmn", Variables.createVariables()
        .putValue("age", age).putValue("offenceCategory", category)
        .putValue("offencesLast12Months", offences).putValue("riskFactorCount", riskFactors));

    assertThat(result.getSingleResult().getEntryMap()).containsExactly(Map.entry("track", track));
    assertThat(matchedRules).containsExactly(rule);
  }

  @Test
  void trackDecision_acceptsNumbersAsFormJsAndRestSendThem() {
    DmnDecisionResult result = evaluate("young-offender-track", "young-offender-track.dmn", Variables.createVariables()
        .putValue("age", 15.0).putValue("offenceCategory", "property")
        .putValue("offencesLast12Months", 3L).putValue("riskFactorCount", 1));

    assertThat((Object) result.getSingleEntry()).isEqualTo("intensive");
    assertThat(matchedRules).containsExactly("rule-intensive-property");
  }

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"koeln, child", "koeln, diversion", "bonn, intensive", "bonn, repeatOffender"})
  void deadlinesDecision_defaultRowForEveryDistrictAndTrack(String district, String track) {
    DmnDecisionResult result = evaluate("young-offender-deadlines", "young-offender-deadlines.dmn",
        Variables.createVariables().putValue("district", district).putValue("track", track));

    assertThat(matchedRules).containsExactly("rule-default");
    assertThat(result.getSingleResult().getEntryMap()).containsAllEntriesOf(Map.ofEntries(
        Map.entry("childAssessmentDue", "P14D"),
        Map.entry("educationalConversationDue", "P14D"),
        Map.entry("prosecutorReportDue", "P14D"),
        Map.entry("consentDue", "P14D"),
        Map.entry("conveneConferenceDue", "P7D"),
        Map.entry("conferenceDue", "P21D"),
        Map.entry("schoolReportLead", "P7D"),
        Map.entry("familyReportLead", "P3D"),
        Map.entry("reviewCycle", "P3M"),
        Map.entry("reviewDue", "P14D"),
        Map.entry("programmeDuration", "P1Y"),
        Map.entry("maxProgrammeYears", 2),
        Map.entry("extensionDecisionDue", "P14D")));
  }

  private DmnDecisionResult evaluate(String decisionKey, String file, VariableMap variables) {
    try (InputStream model = Files.newInputStream(Path.of("processes", file))) {
      DmnDecision decision = dmnEngine.parseDecision(decisionKey, model);
      return dmnEngine.evaluateDecision(decision, variables);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void recordMatchedRules(DmnDecisionEvaluationEvent event) {
    DmnDecisionTableEvaluationEvent table = (DmnDecisionTableEvaluationEvent) event.getDecisionResult();
    table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
  }
}
