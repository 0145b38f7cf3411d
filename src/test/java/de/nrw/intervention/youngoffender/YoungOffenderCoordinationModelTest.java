package de.nrw.intervention.youngoffender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks on the model and its forms that no path test would notice: forms, groups, due dates, gateways, DI. */
class YoungOffenderCoordinationModelTest {

  private static final Path MODEL = Path.of("processes", YoungOffenderCoordination.PROCESS_KEY + ".bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());

  @Test
  void everyUserTask_hasDeployedFormCandidateGroupsAndDueDate_neverAnAssignee() {
    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
    assertThat(tasks).hasSize(11);
    for (UserTask task : tasks) {
      assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
      assertThat(FORMS.resolve(task.getCamundaFormRef() + ".form")).as("form file of %s", task.getId()).exists();
      assertThat(task.getCamundaFormRef()).as("form id of %s", task.getId()).isEqualTo(formIdOf(task.getId()));
      assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).matches("\\$\\{.+}");
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaAssignee()).as("assignee of %s", task.getId()).isNull();
      assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
    }
  }

  @Test
  void startEvent_hasStartForm() {
    StartEvent start = model.getModelElementById(YoungOffenderCoordination.Elements.START);
    assertThat(start.getCamundaFormRef()).isEqualTo("start-young-offender-coordination");
    assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
    assertThat(FORMS.resolve("start-young-offender-coordination.form")).exists();
  }

  @Test
  void process_setsHistoryTimeToLive_andChecksTheCaseReferenceOnStart() {
    Process process = model.getModelElementById(YoungOffenderCoordination.PROCESS_KEY);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P1095D");
    Collection<CamundaExecutionListener> listeners = process.getExtensionElements()
        .getElementsQuery().filterByType(CamundaExecutionListener.class).list();
    assertThat(listeners).singleElement().satisfies(listener -> {
      assertThat(listener.getCamundaEvent()).isEqualTo("start");
      assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${caseReferenceListener}");
    });
  }

  @Test
  void routing_usesTheSharedDistrictDecision() {
    BusinessRuleTask route = model.getModelElementById(YoungOffenderCoordination.Elements.ROUTE_CASE);
    assertThat(route.getCamundaDecisionRef()).isEqualTo("district-routing");
    assertThat(route.getCamundaDecisionRefBinding()).isEqualTo("deployment");
    assertThat(Path.of("processes", "district-routing.dmn")).exists();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(task.getCamundaDecisionRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(Path.of("processes", task.getCamundaDecisionRef() + ".dmn")).as(task.getId()).exists();
    }
  }

  @Test
  void serviceTasks_useDelegateExpressions() {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaClass()).as(task.getId()).isNull();
      assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{\\w+}");
    }
  }

  @Test
  void decidingGateways_nameEveryFlow_exclusiveOnesHaveExactlyOneDefault() {
    for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      // A parallel split decides nothing: its flows carry no label (bpmnlint: superfluous-label).
      if (outgoing.size() < 2 || gateway instanceof ParallelGateway) {
        continue;
      }
      for (SequenceFlow flow : outgoing) {
        assertThat(flow.getName()).as("name of %s", flow.getId()).isNotBlank();
      }
      if (gateway instanceof ExclusiveGateway exclusive) {
        assertThat(gateway.getName()).as("question of %s", gateway.getId()).endsWith("?");
        assertThat(exclusive.getDefault()).as("default of %s", gateway.getId()).isNotNull();
        for (SequenceFlow flow : outgoing) {
          boolean isDefault = flow.equals(exclusive.getDefault());
          assertThat(flow.getConditionExpression() == null).as("condition of %s", flow.getId()).isEqualTo(isDefault);
        }
      }
    }
  }

  @Test
  void everyElement_followsTheIdConvention_andHasDiagramLayout() {
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      assertThat(element.getId()).matches("(Task|Gateway|Event|StartEvent|Flow|Subprocess)_[A-Z][A-Za-z0-9]+");
      assertThat(((BaseElement) element).getDiagramElement()).as("DI of %s", element.getId()).isNotNull();
      if (element instanceof FlowNode node && !(node instanceof Gateway)) {
        assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
      }
    }
  }

  static Stream<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(file -> file.getFileName().toString().matches("(yo-.*|start-young-offender-coordination)\\.form"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("formFiles")
  void formFile_isCamunda7FormWithIdOfItsFileName(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    String fileName = file.getFileName().toString();

    assertThat(form.path("id").asText()).isEqualTo(fileName.substring(0, fileName.length() - ".form".length()));
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(form.path("schemaVersion").asInt()).isBetween(1, 16);
    List<String> ids = new ArrayList<>();
    form.path("components").forEach(component -> ids.add(component.path("id").asText()));
    assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
  }

  @Test
  void everyFormFile_isUsedByTheModel() throws IOException {
    Set<String> referenced = new HashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> referenced.add(task.getCamundaFormRef()));
    referenced.add("start-young-offender-coordination");
    Set<String> files = formFiles().map(file -> file.getFileName().toString().replace(".form", ""))
        .collect(Collectors.toSet());
    assertThat(files).isEqualTo(referenced);
  }

  @Test
  void schoolForms_showSchoolRelevantDataOnly() throws IOException {
    assertThat(keys("yo-report-school-attendance")).containsExactlyInAnyOrder(
        "caseReference", "conferenceDate", "schoolAttendance", "unexcusedAbsenceDays", "schoolBehaviour", "schoolSupport");
    // a measure task can go to the school contact
    assertThat(keys("yo-carry-out-measure")).containsExactlyInAnyOrder(
        "caseReference", "measureDescription", "measureDueDate", "measureOutcome", "measureNotes");
  }

  @Test
  void formValues_matchWhatGatewaysAndBeansExpect() throws IOException {
    assertThat(values("start-young-offender-coordination", "district")).containsExactly("koeln", "bonn");
    assertThat(values("start-young-offender-coordination", "offenceCategory")).containsExactly("violent", "property", "other");
    assertThat(keys("start-young-offender-coordination")).containsAll(YoungOffenderCoordination.Variables.RISK_FACTORS);
    assertThat(values("yo-obtain-parental-consent", "parentalConsent")).contains("given");
    assertThat(values("yo-review-intervention-plan", "reviewDecision")).contains("close");
    assertThat(values("yo-decide-programme-extension", "programmeExtension")).contains("extend");
    for (int n = 1; n <= YoungOffenderCoordination.Variables.MEASURE_SLOTS; n++) {
      assertThat(values("yo-hold-case-conference", "measure" + n + "Agency"))
          .containsExactly("police", "youthWelfare", "school", "counselling");
    }
  }

  private static String formIdOf(String taskId) {
    return "yo-" + taskId.substring("Task_".length()).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
  }

  private static List<String> keys(String formId) throws IOException {
    List<String> keys = new ArrayList<>();
    JSON.readTree(FORMS.resolve(formId + ".form").toFile()).path("components")
        .forEach(component -> {
          if (component.has("key")) {
            keys.add(component.get("key").asText());
          }
        });
    return keys;
  }

  private static List<String> values(String formId, String key) throws IOException {
    List<String> values = new ArrayList<>();
    JSON.readTree(FORMS.resolve(formId + ".form").toFile()).path("components").forEach(component -> {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
      }
    });
    return values;
  }
}
