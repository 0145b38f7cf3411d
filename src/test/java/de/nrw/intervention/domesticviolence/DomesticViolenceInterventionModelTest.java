package de.nrw.intervention.domesticviolence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Static checks of the BPMN model and its forms: what a reviewer would otherwise check by hand in Modeler. */
class DomesticViolenceInterventionModelTest {

  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static BpmnModelInstance model;

  @BeforeAll
  static void readModel() throws IOException {
    try (InputStream bpmn = Files.newInputStream(Path.of("processes", DomesticViolenceIntervention.PROCESS_KEY + ".bpmn"))) {
      model = Bpmn.readModelFromStream(bpmn);
    }
  }

  @Test
  void process_hasKeyHistoryTimeToLiveAndCaseReferenceListener() {
    Process process = model.getModelElementById(DomesticViolenceIntervention.PROCESS_KEY);

    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P1825D");
    assertThat(process.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list())
        .anySatisfy(listener -> {
          assertThat(listener.getCamundaEvent()).isEqualTo("start");
          assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${caseReferenceListener}");
        });
  }

  @Test
  void constants_nameElementsAndMessagesThatExistInTheModel() throws IllegalAccessException {
    for (Field field : Elements.class.getDeclaredFields()) {
      if (field.getType() == String.class) {
        assertThat(model.<BaseElement>getModelElementById((String) field.get(null))).as(field.getName()).isNotNull();
      }
    }
    Set<String> messageNames = model.getModelElementsByType(Message.class).stream().map(Message::getName)
        .collect(Collectors.toSet());
    assertThat(messageNames).containsExactlyInAnyOrder(DomesticViolenceIntervention.Messages.PROTECTION_ORDER_APPLIED,
        DomesticViolenceIntervention.Messages.FAMILY_COURT_DECIDED);
  }

  @Test
  void everyUserTask_hasDeployedFormCandidateGroupsAndDueDate_andNoAssignee() {
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);

    assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(Elements.USER_TASKS);
    assertThat(userTasks).allSatisfy(task -> {
      assertThat(task.getId()).startsWith("Task_");
      assertThat(task.getCamundaFormRef()).as(task.getId() + " formRef").isEqualTo(kebab(task.getId()));
      assertThat(task.getCamundaFormRefBinding()).as(task.getId() + " formRefBinding").isEqualTo("deployment");
      assertThat(FORMS.resolve(task.getCamundaFormRef() + ".form")).as(task.getId() + " form file").isRegularFile();
      assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate groups").matches("\\$\\{\\w+}");
      assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isNotBlank();
      assertThat(task.getCamundaAssignee()).as(task.getId() + " assignee").isNull();
    });
  }

  @Test
  void startEvent_hasDeployedStartForm() {
    StartEvent start = model.getModelElementById(Elements.START);

    assertThat(start.getCamundaFormRef()).isEqualTo(DomesticViolenceIntervention.START_FORM);
    assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
    assertThat(FORMS.resolve(DomesticViolenceIntervention.START_FORM + ".form")).isRegularFile();
  }

  @Test
  void referencedForms_areValidCamundaFormsNamedAfterTheirId() throws IOException {
    for (String formId : referencedForms()) {
      JsonNode form = JSON.readTree(FORMS.resolve(formId + ".form").toFile());

      assertThat(form.path("id").asText()).as("id of " + formId).isEqualTo(formId);
      assertThat(form.path("type").asText()).isEqualTo("default");
      assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
      assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
      assertThat(form.path("schemaVersion").asInt()).isBetween(1, 16);
      List<String> componentIds = new ArrayList<>();
      form.path("components").forEach(component -> componentIds.add(component.path("id").asText()));
      assertThat(componentIds).as("component ids of " + formId).doesNotContain("").doesNotHaveDuplicates();
      assertThat(editableKeys(form)).as("every form records something").isNotEmpty();
    }
  }

  @Test
  void schoolForm_showsNoVictimDetailsOrRiskChecklist() throws IOException {
    Set<String> keys = keys(JSON.readTree(FORMS.resolve("observe-child.form").toFile()));

    assertThat(keys).doesNotContainAnyElementsOf(DomesticViolenceIntervention.Variables.RISK_INDICATORS)
        .doesNotContain("victimName", "victimPhone", "victimAddress", "householdAddress", "riskLevel",
            "riskLevelReason", "professionalJudgementHighRisk", "conferenceContributions", "safetyPlan");
  }

  @Test
  void startForm_collectsEveryDashIndicator() throws IOException {
    Set<String> keys = keys(JSON.readTree(FORMS.resolve(DomesticViolenceIntervention.START_FORM + ".form").toFile()));

    assertThat(keys).containsAll(DomesticViolenceIntervention.Variables.RISK_INDICATORS)
        .contains("caseReference", "district", "operationDateTime", "expulsionOrderIssued", "expulsionOrderDateTime",
            "childCount", "childAges", "victimConsentsToCounselling", "professionalJudgementHighRisk");
  }

  @Test
  void gateways_splittingExclusiveOrInclusive_haveOneDefaultAndNamedConditionalFlows() {
    List<Gateway> splits = Stream.concat(model.getModelElementsByType(ExclusiveGateway.class).stream(),
            model.getModelElementsByType(InclusiveGateway.class).stream())
        .filter(gateway -> gateway.getOutgoing().size() > 1).collect(Collectors.toList());

    assertThat(splits).isNotEmpty().allSatisfy(gateway -> {
      SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway exclusive ? exclusive.getDefault()
          : ((InclusiveGateway) gateway).getDefault();
      assertThat(defaultFlow).as(gateway.getId() + " default").isNotNull();
      assertThat(defaultFlow.getConditionExpression()).isNull();
      assertThat(gateway.getOutgoing()).allSatisfy(flow -> assertThat(flow.getName()).as(flow.getId()).isNotBlank());
      assertThat(gateway.getOutgoing()).filteredOn(flow -> flow != defaultFlow)
          .allSatisfy(flow -> assertThat(flow.getConditionExpression()).as(flow.getId()).isNotNull());
    });
  }

  @Test
  void diagram_hasAShapeForEveryNodeAndAnEdgeWithWaypointsForEveryFlow() {
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getWaypoints().size() >= 2)
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

    assertThat(shapes).containsAll(ids(model.getModelElementsByType(FlowNode.class)));
    assertThat(edges).containsAll(ids(model.getModelElementsByType(SequenceFlow.class)));
  }

  private static Set<String> referencedForms() {
    Set<String> forms = new HashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> forms.add(task.getCamundaFormRef()));
    forms.add(DomesticViolenceIntervention.START_FORM);
    return forms;
  }

  private static Set<String> keys(JsonNode form) {
    Set<String> keys = new HashSet<>();
    form.path("components").forEach(component -> {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
    });
    return keys;
  }

  private static Set<String> editableKeys(JsonNode form) {
    Set<String> keys = new HashSet<>();
    form.path("components").forEach(component -> {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
        keys.add(component.get("key").asText());
      }
    });
    return keys;
  }

  private static Set<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
  }

  /** {@code Task_CheckBanCompliance} -> {@code check-ban-compliance}. */
  private static String kebab(String taskId) {
    return taskId.substring("Task_".length()).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }
}
