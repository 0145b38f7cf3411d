package de.nrw.intervention.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"district-routing.dmn", "fixtures/routing-fixture.bpmn"})
class DistrictRoutingDecisionTest {

  ProcessEngine processEngine;

  @Test
  void koeln_routesToKoelnGroups() {
    DmnDecisionResult result = evaluate("koeln");

    assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "policeGroup", "policeKoeln",
        "policeSupervisorGroup", "policeSupervisorKoeln",
        "youthWelfareGroup", "youthWelfareKoeln",
        "schoolGroup", "schoolKoeln",
        "counsellingGroup", "counsellingKoeln",
        "crisisOfficerGroup", "crisisOfficerKoeln",
        "districtName", "Köln"));
  }

  @Test
  void bonn_routesToBonnGroups() {
    DmnDecisionResult result = evaluate("bonn");

    assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "policeGroup", "policeBonn",
        "policeSupervisorGroup", "policeSupervisorBonn",
        "youthWelfareGroup", "youthWelfareBonn",
        "schoolGroup", "schoolBonn",
        "counsellingGroup", "counsellingBonn",
        "crisisOfficerGroup", "crisisOfficerBonn",
        "districtName", "Bonn"));
  }

  @Test
  void unknownDistrict_matchesNoRule() {
    assertThat(evaluate("atlantis")).isEmpty();
  }

  @Test
  void processRoutingTask_mapsGroupsIntoVariables() {
    ProcessInstance instance = processEngine.getRuntimeService()
        .startProcessInstanceByKey("routing-fixture", Variables.createVariables().putValue("district", "koeln"));

    assertThat(instance).isWaitingAt("Task_Work").variables()
        .containsEntry("policeGroup", "policeKoeln")
        .containsEntry("schoolGroup", "schoolKoeln")
        .doesNotContainKey("decisionResult");
    assertThat(task()).hasCandidateGroup("policeKoeln");
  }

  @Test
  void processRoutingTask_unknownDistrict_failsInsteadOfRoutingToNobody() {
    assertThatThrownBy(() -> processEngine.getRuntimeService()
        .startProcessInstanceByKey("routing-fixture", Variables.createVariables().putValue("district", "atlantis")))
        .isInstanceOf(ProcessEngineException.class);
  }

  private DmnDecisionResult evaluate(String district) {
    return processEngine.getDecisionService().evaluateDecisionByKey("district-routing")
        .variables(Variables.createVariables().putValue("district", district))
        .evaluate();
  }
}
