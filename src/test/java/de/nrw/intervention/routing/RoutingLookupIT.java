package de.nrw.intervention.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case start asks for its district's groups many times (start check, the opener's grants, each task's candidate
 * and supervisor grants); each lookup of the routing table outside the model is a decision evaluation with a
 * decision instance in history. One per command is enough. A context of its own (its application name differs from
 * the security ITs'), so that theirs still starts after the contexts of the packages before it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "intervention.models.processes-dir=processes",
    "intervention.models.forms-dir=forms",
    "spring.application.name=routing-lookup-it"})
@ActiveProfiles({"demo", "test"})
class RoutingLookupIT {

  private static final String ROUTING = "district-routing";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void aCaseStartWithThreeAgencies_looksUpItsDistrictOnceBesidesTheModelsOwnRoutingTask() {
    long before = routingEvaluations();

    ProcessInstance started = runtimeService.startProcessInstanceByKey("domestic-violence-intervention",
        "KOE-ROUTING-1", caseWithChildAndConsent());

    long taskCount = taskService.createTaskQuery().processInstanceId(started.getId()).count();
    long evaluations = routingEvaluations() - before;
    System.out.printf("routing lookups: %d evaluations of %s for a start that opened %d tasks%n",
        evaluations, ROUTING, taskCount);
    assertThat(taskCount).as("police, Jugendamt and counselling tasks").isGreaterThanOrEqualTo(3);
    // The model's "Fall den Stellen des Bezirks zuordnen" and one lookup for every grant and check of the start.
    assertThat(evaluations).isEqualTo(2);
  }

  private long routingEvaluations() {
    return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(ROUTING).count();
  }

  private static Map<String, Object> caseWithChildAndConsent() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", "KOE-ROUTING-1");
    variables.put("district", "koeln");
    variables.put("operationDateTime", "2026-11-20T21:45+01:00");
    variables.put("expulsionOrderIssued", true);
    variables.put("expulsionOrderDateTime", "2026-11-20T22:30+01:00");
    variables.put("childCount", 1L);
    variables.put("childAges", "9");
    variables.put("householdAddress", "Musterstraße 1, 50667 Köln");
    variables.put("victimConsentsToCounselling", true);
    variables.put("victimName", "A. Example");
    variables.put("victimPhone", "0221 000000");
    variables.put("victimAddress", "Musterstraße 1, 50667 Köln");
    variables.put("professionalJudgementHighRisk", false);
    return variables;
  }
}
