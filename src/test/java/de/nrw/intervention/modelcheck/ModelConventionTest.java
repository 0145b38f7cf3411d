package de.nrw.intervention.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The designers' models follow docs/MODELLING.md. Runs over the real {@code processes/} and {@code forms/}, and over
 * deliberately broken fixtures in {@code src/test/resources/model-fixtures/}, each of which must fail with its message.
 */
class ModelConventionTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Path FIXTURE_PROCESSES = Path.of("src/test/resources/model-fixtures/processes");
  private static final Path FIXTURE_FORMS = Path.of("src/test/resources/model-fixtures/forms");

  private static Set<String> beans;
  private static List<String> fixtureViolations;

  @BeforeAll
  static void checkFixtures() {
    beans = SpringBeanNames.ofApplication();
    fixtureViolations = new ModelConventionChecker(FIXTURE_PROCESSES, FIXTURE_FORMS, beans).check();
  }

  @Test
  void realModels_followConventions() {
    assertThat(new ModelConventionChecker(PROCESSES, FORMS, beans).check()).isEmpty();
  }

  @Test
  void beanNames_areTheApplicationsComponentsOnly() {
    assertThat(beans).contains("caseReferenceListener", "interventionApplication")
        .noneMatch(name -> name.toLowerCase().contains("test"));
  }

  @Test
  void workedExample_passes() {
    assertThat(violationsOf("processes/model-fixture.bpmn")).isEmpty();
    assertThat(violationsOf("processes/fixture-routing.dmn")).isEmpty();
  }

  @Test
  void missingForm_namesTheTaskAndTheMissingFormId() {
    assertThat(violationsOf("processes/broken-missing-form.bpmn")).containsExactly(
        "processes/broken-missing-form.bpmn [Task_ReviewCase] form-ref: user task 'Review case' uses form "
            + "'fixture-revew-case', but no file in forms/ has \"id\": \"fixture-revew-case\" "
            + "(expected forms/fixture-revew-case.form)");
  }

  @Test
  void missingDueDate_namesTheTask() {
    assertThat(violationsOf("processes/broken-missing-due-date.bpmn")).containsExactly(
        "processes/broken-missing-due-date.bpmn [Task_ReviewCase] user-task-due-date: user task 'Review case' has no "
            + "due date (camunda:dueDate), e.g. ${dateTime().plusDays(3).toDate()} or a duration like P3D");
  }

  @Test
  void fixedAssignee_isRejected() {
    assertThat(violationsOf("processes/broken-fixed-assignee.bpmn")).containsExactly(
        "processes/broken-fixed-assignee.bpmn [Task_ReviewCase] user-task-no-assignee: user task 'Review case' has a "
            + "fixed assignee 'demo' (camunda:assignee); remove it and use candidate groups so every officer of the "
            + "agency sees the task");
  }

  @Test
  void gatewayWithoutDefault_namesTheGatewayAndTheUnnamedFlow() {
    assertThat(violationsOf("processes/broken-gateway-without-default.bpmn")).containsExactly(
        "processes/broken-gateway-without-default.bpmn [Flow_ChildrenNo] gateway-flow-names: flow leaving "
            + "exclusive gateway 'Children in household?' has no name; name it after the answer, e.g. \"yes\" or "
            + "\"high risk\"",
        "processes/broken-gateway-without-default.bpmn [Gateway_ChildrenInHousehold] gateway-default: exclusive "
            + "gateway 'Children in household?' has no default flow; mark exactly one outgoing flow as default so no case "
            + "gets stuck");
  }

  @Test
  void processIdDifferentFromFileName_isRejected() {
    assertThat(violationsOf("processes/broken-id-mismatch.bpmn")).containsExactly(
        "processes/broken-id-mismatch.bpmn [broken-id-mismatch-copy] process-id: process id 'broken-id-mismatch-copy' "
            + "must equal the file name 'broken-id-mismatch'");
  }

  @Test
  void missingHistoryTimeToLive_isRejected() {
    assertThat(violationsOf("processes/broken-missing-history-ttl.bpmn")).containsExactly(
        "processes/broken-missing-history-ttl.bpmn [broken-missing-history-ttl] history-time-to-live: process has no "
            + "History time to live (camunda:historyTimeToLive), e.g. P180D");
  }

  @Test
  void unknownBean_isRejected() {
    assertThat(violationsOf("processes/broken-unknown-bean.bpmn")).containsExactly(
        "processes/broken-unknown-bean.bpmn [Task_NotifyCounsellingCentre] delegate-expression: service task "
            + "'Notify counselling centre' names bean 'notifyCounsellingCentreDelegate', but no @Component in "
            + "src/main/java has that name");
  }

  @Test
  void classDelegateAndListenerExpression_areRejected() {
    assertThat(violationsOf("processes/broken-class-delegate.bpmn")).containsExactly(
        "processes/broken-class-delegate.bpmn [StartEvent_Started] delegate-expression: listener on start event uses "
            + "the expression \"${execution.setVariable('escalated', true)}\"; use a delegate expression ${beanName} "
            + "naming a Spring bean",
        "processes/broken-class-delegate.bpmn [Task_NotifyCounsellingCentre] delegate-expression: service task "
            + "'Notify counselling centre' uses camunda:class=\"de.nrw.intervention.notification."
            + "NotifyCounsellingCentreDelegate\"; use camunda:delegateExpression=\"${beanName}\" naming a Spring bean");
  }

  @Test
  void unknownDecision_isRejected() {
    assertThat(violationsOf("processes/broken-unknown-decision.bpmn")).containsExactly(
        "processes/broken-unknown-decision.bpmn [Task_RouteCase] decision-ref: business rule task 'Route case to "
            + "district' references decision 'fixture-routeing', but no processes/*.dmn defines a decision with that "
            + "id (known: fixture-routing)");
  }

  @Test
  void gatewayReadingAnOptionalField_isRejected() {
    assertThat(violationsOf("processes/broken-optional-field.bpmn")).containsExactly(
        "processes/broken-optional-field.bpmn [Flow_ChildrenYes] required-field: 'childrenInHousehold' is read here "
            + "but no form of this process requires it; tick \"Required\" for key 'childrenInHousehold' in form "
            + "fixture-optional-answer");
  }

  @Test
  void gatewayReadingADisplayOnlyField_passes() {
    assertThat(violationsOf("processes/display-only-field.bpmn")).isEmpty();
  }

  @Test
  void brokenForms_areRejected() {
    assertThat(violationsOf("processes/broken-duplicate-form-ids.bpmn")).isEmpty();
    assertThat(violationsOf("forms/")).containsExactly(
        "forms/fixture-broken-json.form [fixture-broken-json] form-json: not valid JSON: Unexpected end-of-input: "
            + "expected close marker for Array (line 4, column 1)",
        "forms/fixture-duplicate-ids.form [fixture-duplicate-ids] form-component-ids: component id 'Field_Notes' is "
            + "used 2 times; component ids must be unique",
        "forms/fixture-unused.form [fixture-unused] form-unused: no user task or start event in processes/ uses this "
            + "form (camunda:formRef=\"fixture-unused\"); delete it or reference it");
  }

  @Test
  void timeFieldThatRounds_isRejected_oneMinuteIntervalPasses() throws IOException {
    Path dir = Files.createTempDirectory("time-interval");
    try {
      Path forms = Files.createDirectories(dir.resolve("forms"));
      Files.writeString(forms.resolve("rounded.form"), """
          {"id": "rounded", "components": [
            {"type": "datetime", "subtype": "datetime", "key": "a", "id": "Field_Default"},
            {"type": "datetime", "subtype": "time", "key": "b", "id": "Field_Quarter", "timeInterval": 15},
            {"type": "datetime", "subtype": "datetime", "key": "c", "id": "Field_Minute", "timeInterval": 1},
            {"type": "datetime", "subtype": "date", "key": "d", "id": "Field_DateOnly"}]}
          """);

      List<String> violations = new ModelConventionChecker(dir.resolve("processes"), forms, beans).check();

      assertThat(violations).filteredOn(violation -> violation.contains("datetime-minutes")).containsExactly(
          "forms/rounded.form [Field_Default] datetime-minutes: time field 'Field_Default' rounds the entered time "
              + "(form-js defaults to 15 minutes: 23:17 becomes 23:15); set \"timeInterval\": 1 so the time is "
              + "stored to the minute",
          "forms/rounded.form [Field_Quarter] datetime-minutes: time field 'Field_Quarter' rounds the entered time "
              + "(form-js defaults to 15 minutes: 23:17 becomes 23:15); set \"timeInterval\": 1 so the time is "
              + "stored to the minute");
    } finally {
      deleteRecursively(dir);
    }
  }

  @Test
  void fixtureViolations_areAllExpected() {
    assertThat(fixtureViolations).allMatch(violation -> violation.startsWith("processes/broken-")
        || violation.startsWith("forms/fixture-broken-json") || violation.startsWith("forms/fixture-duplicate-ids")
        || violation.startsWith("forms/fixture-unused"));
  }

  @Test
  void identifiers_skipPropertiesFunctionsLiteralsAndEngineNames() {
    assertThat(ModelConventionChecker.identifiers(
        "riskLevel == 'high' && dateTime().isAfter(banEnd) && execution.processBusinessKey != null && !consent"))
        .containsExactly("riskLevel", "banEnd", "consent");
  }

  /**
   * A broken copy of every real model (and of the worked example): each defect a designer can make in the Modeler
   * must be caught for that model's first matching element.
   */
  @TestFactory
  Stream<DynamicTest> brokenCopyOfEachModel_fails() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path[] source : List.of(new Path[] {PROCESSES, FORMS}, new Path[] {FIXTURE_PROCESSES, FIXTURE_FORMS})) {
      for (Path bpmn : bpmnFiles(source[0])) {
        if (!bpmn.getFileName().toString().equals("model-fixture.bpmn") && source[0] == FIXTURE_PROCESSES) {
          continue;
        }
        tests.add(brokenCopy(source, bpmn, "user-task-due-date", (model, rule) ->
            firstUserTask(model, task -> task.setCamundaDueDate(null))));
        tests.add(brokenCopy(source, bpmn, "user-task-no-assignee", (model, rule) ->
            firstUserTask(model, task -> task.setCamundaAssignee("demo"))));
        tests.add(brokenCopy(source, bpmn, "form-ref", (model, rule) ->
            firstUserTask(model, task -> task.setCamundaFormRef(task.getCamundaFormRef() + "-missing"))));
        tests.add(brokenCopy(source, bpmn, "gateway-default", (model, rule) ->
            model.getModelElementsByType(ExclusiveGateway.class).stream()
                .filter(gateway -> gateway.getDefault() != null).findFirst()
                .map(gateway -> {
                  gateway.removeAttribute("default");
                  return gateway.getId();
                }).orElse(null)));
      }
    }
    return tests.stream();
  }

  private static DynamicTest brokenCopy(Path[] source, Path bpmn, String rule,
      BiFunction<BpmnModelInstance, String, String> breakIt) {
    String file = bpmn.getFileName().toString();
    return dynamicTest(file + " without " + rule, () -> {
      Path copy = Files.createTempDirectory("model-copy");
      try {
        Path processes = copyDir(source[0], copy.resolve("processes"));
        Path forms = copyDir(source[1], copy.resolve("forms"));
        BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
        String brokenElement = breakIt.apply(model, rule);
        if (brokenElement == null) {
          return; // the model has no element this defect applies to
        }
        Bpmn.writeModelToFile(processes.resolve(file).toFile(), model);

        List<String> violations = new ModelConventionChecker(processes, forms, beans).check();

        assertThat(violations).anyMatch(violation ->
            violation.startsWith("processes/" + file + " [" + brokenElement + "] " + rule + ": "));
      } finally {
        deleteRecursively(copy);
      }
    });
  }

  private static String firstUserTask(BpmnModelInstance model, java.util.function.Consumer<UserTask> breakIt) {
    return model.getModelElementsByType(UserTask.class).stream().findFirst()
        .map(task -> {
          breakIt.accept(task);
          return task.getId();
        }).orElse(null);
  }

  private static List<String> violationsOf(String prefix) {
    return fixtureViolations.stream().filter(violation -> violation.startsWith(prefix)).toList();
  }

  private static List<Path> bpmnFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static Path copyDir(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    if (Files.isDirectory(from)) {
      try (Stream<Path> files = Files.list(from)) {
        for (Path file : files.toList()) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
    }
    return to;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
