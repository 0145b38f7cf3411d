package de.nrw.intervention.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.nrw.intervention.routing.DistrictRouting;
import de.nrw.intervention.routing.RoutingProperties;
import de.nrw.intervention.testsupport.StandaloneEngines;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fail-closed rule on a bare engine with only the access plugin: a process with user tasks is a case and must
 * declare the {@code ${caseReferenceListener}} start listener, or it does not deploy. Nothing is started, so no
 * bean or routing table is needed.
 */
class CaseAccessParseListenerTest {

  private static final String CASE_LISTENER =
      "<extensionElements><camunda:executionListener event=\"start\" delegateExpression=\"${caseReferenceListener}\"/>"
          + "</extensionElements>";

  private static ProcessEngine engine;
  private static RepositoryService repository;

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.configuration(
        StandaloneEngines.newDatabase("h2", "case-access-parse"), "case-access-parse");
    configuration.getProcessEnginePlugins().add(new AccessEnginePlugin(
        new AccessProperties(List.of("policeGroup", "policeSupervisorGroup"), List.of("policeSupervisorGroup"),
            List.of("school"), Map.of()),
        new DistrictRouting(new RoutingProperties("district-routing"))));
    engine = configuration.buildProcessEngine();
    repository = engine.getRepositoryService();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void removeDeployments() {
    repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void userTaskWithoutCaseListener_isRefused_namingFileProcessAndTask() {
    ParseException refused = refused("processes/no-listener.bpmn", process("no-listener", "",
        "<userTask id=\"Task_ReviewCase\" camunda:candidateGroups=\"${policeGroup}\"/>"));

    assertThat(refused.getMessage())
        .contains("process 'no-listener' has user task 'Task_ReviewCase' but no start listener ${caseReferenceListener}")
        .contains("every process with user tasks is a case")
        .contains("resource processes/no-listener.bpmn");
    ResourceReport report = refused.getResorceReports().get(0);
    assertThat(report.getResourceName()).isEqualTo("processes/no-listener.bpmn");
    assertThat(report.getErrors()).singleElement()
        .satisfies(error -> assertThat(error.getMainElementId()).isEqualTo("Task_ReviewCase"))
        .satisfies(error -> assertThat(error.getLine()).isPositive());
    assertThat(repository.createProcessDefinitionQuery().count()).isZero();
  }

  @Test
  void userTaskInsideSubProcess_isRefused_namingTheNestedTask() {
    ParseException refused = refused("nested.bpmn", process("nested", "",
        "<subProcess id=\"SubProcess_Review\"><startEvent id=\"StartEvent_Inner\"/>"
            + "<sequenceFlow id=\"Flow_Inner\" sourceRef=\"StartEvent_Inner\" targetRef=\"Task_Inner\"/>"
            + "<userTask id=\"Task_Inner\"/></subProcess>"));

    assertThat(refused.getResorceReports().get(0).getErrors().get(0).getMainElementId()).isEqualTo("Task_Inner");
  }

  @Test
  void caseListenerOnEndOnly_isRefused() {
    refused("end-listener.bpmn", process("end-listener",
        "<extensionElements><camunda:executionListener event=\"end\" delegateExpression=\"${caseReferenceListener}\"/>"
            + "</extensionElements>",
        "<userTask id=\"Task_ReviewCase\"/>"));
  }

  @Test
  void caseListenerOnStartEventInsteadOfProcess_isRefused() {
    refused("on-start-event.bpmn", """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="on-start-event" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Opened">%s</startEvent>
            <sequenceFlow id="Flow_1" sourceRef="StartEvent_Opened" targetRef="Task_ReviewCase"/>
            <userTask id="Task_ReviewCase"/>
          </process>
        </definitions>
        """.formatted(CASE_LISTENER));
  }

  @Test
  void userTaskWithCaseListener_deploys() {
    deploy("case.bpmn", process("case", CASE_LISTENER, "<userTask id=\"Task_ReviewCase\"/>"));

    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case").count()).isOne();
  }

  @Test
  void processWithoutUserTask_deploysWithoutListener() {
    deploy("automatic.bpmn", process("automatic", "", "<manualTask id=\"Task_Nothing\"/>"));

    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("automatic").count()).isOne();
  }

  @Test
  void nonExecutableProcess_isNotChecked() {
    deploy("documentation-only.bpmn", process("documentation-only", "", "<userTask id=\"Task_ReviewCase\"/>")
        .replace("isExecutable=\"true\"", "isExecutable=\"false\""));

    assertThat(repository.createDeploymentQuery().count()).isOne();
    assertThat(repository.createProcessDefinitionQuery().count()).isZero();
  }

  /** start → {@code body} → end; {@code body} is one flow node whose id is its first id attribute. */
  private static String process(String id, String extensions, String body) {
    String first = body.replaceFirst("(?s)^<\\w+ id=\"([^\"]+)\".*", "$1");
    return """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            %s
            <startEvent id="StartEvent_Opened"/>
            <sequenceFlow id="Flow_1" sourceRef="StartEvent_Opened" targetRef="%s"/>
            %s
            <sequenceFlow id="Flow_2" sourceRef="%s" targetRef="EndEvent_Closed"/>
            <endEvent id="EndEvent_Closed"/>
          </process>
        </definitions>
        """.formatted(id, extensions, first, body, first);
  }

  private static void deploy(String name, String bpmn) {
    repository.createDeployment().addString(name, bpmn).deploy();
  }

  private static ParseException refused(String name, String bpmn) {
    ParseException refused = catchThrowableOfType(ParseException.class, () -> deploy(name, bpmn));
    assertThat(refused).as("deployment of " + name + " must be refused").isNotNull();
    assertThat(refused.getMessage()).contains("but no start listener ${caseReferenceListener}");
    return refused;
  }
}
