package de.nrw.intervention.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.routing.DistrictRouting;
import de.nrw.intervention.routing.RoutingProperties;
import de.nrw.intervention.testsupport.StandaloneEngines;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may open a case of a restricted process: only the routed group of the case's own district, on a bare engine. */
class CaseStarterCheckTest {

  private static final String REPORT = """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
        <process id="report" name="Meldung" isExecutable="true" camunda:historyTimeToLive="P1D">
          <extensionElements><camunda:executionListener event="start" delegateExpression="${caseReferenceListener}"/></extensionElements>
          <startEvent id="StartEvent_Reported"/>
          <sequenceFlow id="Flow_1" sourceRef="StartEvent_Reported" targetRef="Task_Read"/>
          <userTask id="Task_Read" camunda:candidateGroups="policeKoeln"/>
        </process>
      </definitions>
      """;

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.configuration(
        StandaloneEngines.newDatabase("h2", "case-starter"), "case-starter");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_DEFAULT);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.getProcessEnginePlugins().add(new AccessEnginePlugin(
        new AccessProperties(List.of("policeGroup"), List.of("policeSupervisorGroup"), List.of("school"),
            Map.of("report", List.of("schoolGroup"))),
        new DistrictRouting(new RoutingProperties("district-routing"))));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("district-routing.dmn")
        .addString("report.bpmn", REPORT).deploy();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void registerCaseListener() {
    Mocks.register("caseReferenceListener", new CaseReferenceListener());
  }

  @AfterEach
  void reset() {
    engine.getIdentityService().clearAuthentication();
    engine.getRuntimeService().createProcessInstanceQuery().list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
    Mocks.reset();
  }

  @Test
  void theDistrictsSchool_mayOpenIt() {
    engine.getIdentityService().setAuthentication("teacher", List.of("schoolKoeln"));

    start("165432-2026-01", "koeln");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("165432-2026-01")
        .count()).isOne();
  }

  @Test
  void anotherDistrictsSchool_policeAndAdministrators_areRefused_andNothingIsLeft() {
    for (Map.Entry<String, List<String>> caller : Map.of(
        "bonnteacher", List.of("schoolBonn"),
        "officer", List.of("policeKoeln"),
        "demo", List.of("camunda-admin")).entrySet()) {
      engine.getIdentityService().setAuthentication(caller.getKey(), caller.getValue());

      assertThatThrownBy(() -> start("165432-2026-02", "koeln")).as(caller.getKey())
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("Diesen Fall können nur die zuständigen Stellen des Bezirks eröffnen");
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aSchoolOfOneDistrict_cannotReportForAnother() {
    engine.getIdentityService().setAuthentication("teacher", List.of("schoolKoeln"));

    assertThatThrownBy(() -> start("165432-2026-03", "bonn")).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void withoutAUser_theEnginesOwnCallsAreTrusted() {
    start("165432-2026-04", "bonn");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isOne();
  }

  private static void start(String reference, String district) {
    engine.getRuntimeService().startProcessInstanceByKey("report",
        Map.of("caseReference", reference, "district", district));
  }
}
