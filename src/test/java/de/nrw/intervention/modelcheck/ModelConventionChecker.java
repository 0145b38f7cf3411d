package de.nrw.intervention.modelcheck;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * Checks the designers' models ({@code processes/*.bpmn}, {@code processes/*.dmn}, {@code forms/*.form}) against the
 * conventions in docs/MODELLING.md, without starting an engine.
 *
 * <p>Every violation is one line {@code <dir>/<file> [<element id>] <rule>: <what is wrong and how to fix it>}, so a
 * designer can find the element in Camunda Modeler by its id. Rule names are the headings of docs/MODELLING.md.
 */
final class ModelConventionChecker {

  private static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  /** A name that is not a property ({@code a.b}) and not a function call ({@code now()}). */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*[(\\w])");
  /** JUEL and FEEL words, and the names the engine itself provides in expressions. */
  private static final Set<String> NOT_VARIABLES = Set.of(
      "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
      "instanceof", "if", "then", "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance",
      "of", "function", "execution", "task", "authenticatedUserId", "variableScope", "decisionResult");

  private final Path processesDir;
  private final Path formsDir;
  private final Set<String> beanNames;
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> violations = new ArrayList<>();

  /** Form id → form, read once from {@code formsDir}; only forms that parsed. */
  private final Map<String, Form> forms = new LinkedHashMap<>();
  /** Decision id → decision, read once from {@code processesDir}. */
  private final Map<String, Decision> decisions = new LinkedHashMap<>();
  private final Set<String> referencedForms = new HashSet<>();

  ModelConventionChecker(Path processesDir, Path formsDir, Set<String> beanNames) {
    this.processesDir = processesDir;
    this.formsDir = formsDir;
    this.beanNames = Set.copyOf(beanNames);
  }

  /** All violations, sorted by file so a designer reads them per model. */
  List<String> check() {
    violations.clear();
    forms.clear();
    decisions.clear();
    referencedForms.clear();
    files(formsDir, ".form").forEach(this::readForm);
    files(processesDir, ".dmn").forEach(this::readDecisions);
    files(processesDir, ".bpmn").forEach(this::checkBpmn);
    forms.values().stream()
        .filter(form -> !referencedForms.contains(form.id()))
        .forEach(form -> report(form.file(), form.id(), "form-unused",
            "no user task or start event in processes/ uses this form (camunda:formRef=\"" + form.id()
                + "\"); delete it or reference it"));
    return violations.stream().sorted().toList();
  }

  // ---------------------------------------------------------------------------------------------- forms

  private record Field(String key, String type, boolean required) {}

  private record Form(Path file, String id, List<Field> fields) {}

  private void readForm(Path file) {
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String problem = firstLine(e.getOriginalMessage()).replaceFirst(" \\(.*", "");
      report(file, baseName(file), "form-json", "not valid JSON: " + problem
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
      return;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    JsonNode id = root == null ? null : root.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      report(file, baseName(file), "form-id", "the form has no top-level \"id\"; set it to '" + baseName(file) + "'");
      return;
    }
    String formId = id.asText();
    if (!formId.equals(baseName(file))) {
      report(file, formId, "form-id",
          "form id '" + formId + "' must equal the file name '" + baseName(file) + "'");
    }
    List<Field> fields = new ArrayList<>();
    Map<String, Integer> componentIds = new TreeMap<>();
    collectComponents(root.get("components"), fields, componentIds);
    roundedTimeFields(root.get("components")).forEach(componentId -> report(file, componentId, "datetime-minutes",
        "time field '" + componentId + "' rounds the entered time (form-js defaults to 15 minutes: 23:17 becomes "
            + "23:15); set \"timeInterval\": 1 so the time is stored to the minute"));
    componentIds.forEach((componentId, count) -> {
      if (count > 1) {
        report(file, formId, "form-component-ids",
            "component id '" + componentId + "' is used " + count + " times; component ids must be unique");
      }
    });
    forms.put(formId, new Form(file, formId, fields));
  }

  /** form-js nests components in groups and dynamic lists; ids must be unique across all levels. */
  private static void collectComponents(JsonNode components, List<Field> fields, Map<String, Integer> ids) {
    if (components == null || !components.isArray()) {
      return;
    }
    for (JsonNode component : components) {
      if (component.hasNonNull("id")) {
        ids.merge(component.get("id").asText(), 1, Integer::sum);
      }
      // a disabled or read-only component only shows a variable; it never submits one
      boolean editable = !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false);
      if (component.hasNonNull("key") && editable) {
        boolean required = component.path("validate").path("required").asBoolean(false);
        fields.add(new Field(component.get("key").asText(), component.path("type").asText(), required));
      }
      collectComponents(component.get("components"), fields, ids);
    }
  }

  /**
   * Date-time and time fields whose time picker rounds: form-js 1.8 (Camunda 7.24's Tasklist) offers 1, 5, 10, 15,
   * 30 or 60 minutes and falls back to 15; only 1 keeps what the caseworker typed. Display-only fields too, since
   * they show the stored time through the same picker.
   */
  static List<String> roundedTimeFields(JsonNode components) {
    List<String> rounded = new ArrayList<>();
    if (components == null || !components.isArray()) {
      return rounded;
    }
    for (JsonNode component : components) {
      String subtype = component.path("subtype").asText();
      if ("datetime".equals(component.path("type").asText()) && ("datetime".equals(subtype) || "time".equals(subtype))
          && component.path("timeInterval").asInt(0) != 1) {
        rounded.add(component.path("id").asText(component.path("key").asText()));
      }
      rounded.addAll(roundedTimeFields(component.get("components")));
    }
    return rounded;
  }

  // ---------------------------------------------------------------------------------------------- decisions

  private void readDecisions(Path file) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      report(file, baseName(file), "model-parse", "cannot be read as DMN: " + firstLine(e.getMessage()));
      return;
    }
    Collection<Decision> fileDecisions = model.getModelElementsByType(Decision.class);
    for (Decision decision : fileDecisions) {
      decisions.put(decision.getId(), decision);
      String ttl = decision.getAttributeValueNs(CAMUNDA_DMN_NS, "historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        report(file, decision.getId(), "history-time-to-live",
            "decision has no History time to live (camunda:historyTimeToLive), e.g. P180D");
      }
    }
    if (fileDecisions.stream().noneMatch(decision -> decision.getId().equals(baseName(file)))) {
      report(file, baseName(file), "decision-id",
          "the file must be named after its (top-level) decision id; no decision has id '" + baseName(file) + "'");
    }
  }

  // ---------------------------------------------------------------------------------------------- processes

  private void checkBpmn(Path file) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      report(file, baseName(file), "model-parse", "cannot be read as BPMN: " + firstLine(e.getMessage()));
      return;
    }
    List<Process> processes = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).toList();
    if (processes.isEmpty()) {
      report(file, baseName(file), "process-id", "the file has no executable process (tick \"Executable\")");
    }
    processes.forEach(process -> checkProcess(file, process));
    checkElements(file, model, processes);
  }

  private void checkProcess(Path file, Process process) {
    if (!process.getId().equals(baseName(file))) {
      report(file, process.getId(), "process-id",
          "process id '" + process.getId() + "' must equal the file name '" + baseName(file) + "'");
    }
    String ttl = process.getCamundaHistoryTimeToLiveString();
    if (ttl == null || ttl.isBlank()) {
      report(file, process.getId(), "history-time-to-live",
          "process has no History time to live (camunda:historyTimeToLive), e.g. P180D");
    }
  }

  /** Once per file, not per process: a collaboration's elements would otherwise be reported once per pool. */
  private void checkElements(Path file, BpmnModelInstance model, List<Process> processes) {
    List<Form> processForms = new ArrayList<>();
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (processes.contains(start.getParentElement()) && start.getCamundaFormRef() != null) {
        resolveFormRef(file, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), processForms);
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkUserTask(file, task, processForms);
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkDelegate(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
          task.getCamundaExpression(), task.getCamundaType());
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkDelegate(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
          task.getCamundaExpression(), task.getCamundaType());
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      checkListener(file, owner(listener), listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
          listener.getCamundaExpression(), listener.getCamundaScript() != null);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      checkListener(file, owner(listener), listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
          listener.getCamundaExpression(), listener.getCamundaScript() != null);
    }
    Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      // by sourceRef, as the engine does: hand-edited files may lack the <outgoing> references
      checkGateway(file, gateway, flows.stream().filter(flow -> flow.getSource() == gateway).toList());
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      checkBusinessRuleTask(file, task);
    }
    checkReadFieldsAreRequired(file, model, processForms);
  }

  private void checkUserTask(Path file, UserTask task, List<Form> processForms) {
    String name = describe(task);
    if (blank(task.getCamundaCandidateGroups())) {
      report(file, task.getId(), "user-task-candidate-groups",
          name + " has no candidate groups (camunda:candidateGroups); route it via district-routing, "
              + "e.g. ${policeGroup}");
    }
    if (!blank(task.getCamundaAssignee())) {
      report(file, task.getId(), "user-task-no-assignee",
          name + " has a fixed assignee '" + task.getCamundaAssignee()
              + "' (camunda:assignee); remove it and use candidate groups so every officer of the agency sees "
              + "the task");
    }
    if (!blank(task.getCamundaCandidateUsers())) {
      report(file, task.getId(), "user-task-no-assignee",
          name + " names candidate users '" + task.getCamundaCandidateUsers()
              + "' (camunda:candidateUsers); remove them and use candidate groups");
    }
    if (blank(task.getCamundaDueDate())) {
      report(file, task.getId(), "user-task-due-date",
          name + " has no due date (camunda:dueDate), e.g. ${dateTime().plusDays(3).toDate()} or a duration like P3D");
    }
    if (blank(task.getCamundaFormRef())) {
      report(file, task.getId(), "form-ref", name + " has no form (camunda:formRef with binding \"deployment\")"
          + (blank(task.getCamundaFormKey()) ? "" : "; it uses camunda:formKey, which the Tasklist forms do not use"));
    } else {
      resolveFormRef(file, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), processForms);
    }
    String reminderLead = camundaProperty(task, "reminderLead");
    if (reminderLead != null && !isIsoDuration(reminderLead) && !isExpression(reminderLead)) {
      report(file, task.getId(), "reminder-lead", name + " has reminderLead '" + reminderLead
          + "', which is no ISO-8601 duration such as P1D or PT4H, nor an expression such as ${reviewReminderLead}");
    }
  }

  private void resolveFormRef(Path file, BaseElement element, String formRef, String binding, List<Form> processForms) {
    referencedForms.add(formRef);
    Form form = forms.get(formRef);
    if (form == null) {
      report(file, element.getId(), "form-ref", describe(element) + " uses form '" + formRef
          + "', but no file in forms/ has \"id\": \"" + formRef + "\" (expected forms/" + formRef + ".form)");
    } else {
      processForms.add(form);
    }
    if (!"deployment".equals(binding)) {
      report(file, element.getId(), "form-ref", describe(element) + " must bind its form with camunda:formRefBinding="
          + "\"deployment\" (found " + (binding == null ? "none" : "\"" + binding + "\"")
          + "), so a case keeps the form version it was deployed with");
    }
  }

  private void checkDelegate(Path file, BaseElement task, String delegateExpression, String className,
      String expression, String type) {
    String name = describe(task);
    if (className != null) {
      report(file, task.getId(), "delegate-expression", name + " uses camunda:class=\"" + className
          + "\"; use camunda:delegateExpression=\"${beanName}\" naming a Spring bean");
    } else if (expression != null) {
      report(file, task.getId(), "delegate-expression", name + " uses camunda:expression=\"" + expression
          + "\"; use camunda:delegateExpression=\"${beanName}\" naming a Spring bean");
    } else if (type != null) {
      report(file, task.getId(), "delegate-expression", name + " uses camunda:type=\"" + type
          + "\"; use camunda:delegateExpression=\"${beanName}\" naming a Spring bean");
    } else if (delegateExpression == null) {
      report(file, task.getId(), "delegate-expression", name + " has no implementation; set "
          + "camunda:delegateExpression=\"${beanName}\" naming a Spring bean");
    } else {
      checkBean(file, task, name, delegateExpression);
    }
  }

  private void checkListener(Path file, BaseElement owner, String delegateExpression, String className,
      String expression, boolean script) {
    String name = "listener on " + describe(owner);
    if (className != null) {
      report(file, owner.getId(), "delegate-expression", name + " uses camunda:class=\"" + className
          + "\"; use a delegate expression ${beanName} naming a Spring bean");
    } else if (expression != null) {
      report(file, owner.getId(), "delegate-expression", name + " uses the expression \"" + expression
          + "\"; use a delegate expression ${beanName} naming a Spring bean");
    } else if (script || delegateExpression == null) {
      report(file, owner.getId(), "delegate-expression", name
          + " is a script or has no implementation; use a delegate expression ${beanName} naming a Spring bean");
    } else {
      checkBean(file, owner, name, delegateExpression);
    }
  }

  private void checkBean(Path file, BaseElement element, String name, String delegateExpression) {
    Matcher bean = BEAN_REFERENCE.matcher(delegateExpression.trim());
    if (!bean.matches()) {
      report(file, element.getId(), "delegate-expression", name + " has delegate expression '" + delegateExpression
          + "'; it must be exactly ${beanName}");
    } else if (!beanNames.contains(bean.group(1))) {
      report(file, element.getId(), "delegate-expression", name + " names bean '" + bean.group(1)
          + "', but no @Component in src/main/java has that name");
    }
  }

  private void checkGateway(Path file, ExclusiveGateway gateway, List<SequenceFlow> outgoing) {
    if (outgoing.size() < 2) {
      return;
    }
    String name = describe(gateway);
    for (SequenceFlow flow : outgoing) {
      if (blank(flow.getName())) {
        report(file, flow.getId(), "gateway-flow-names",
            "flow leaving " + name + " has no name; name it after the answer, e.g. \"yes\" or \"high risk\"");
      }
      if (flow != gateway.getDefault() && flow.getConditionExpression() == null) {
        report(file, flow.getId(), "gateway-conditions",
            "flow leaving " + name + " is neither the default flow nor has a condition");
      }
    }
    if (gateway.getDefault() == null) {
      report(file, gateway.getId(), "gateway-default",
          name + " has no default flow; mark exactly one outgoing flow as default so no case gets stuck");
    }
  }

  private void checkBusinessRuleTask(Path file, BusinessRuleTask task) {
    String decisionRef = task.getCamundaDecisionRef();
    if (decisionRef == null) {
      checkDelegate(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(),
          task.getCamundaExpression(), task.getCamundaType());
    } else if (!decisions.containsKey(decisionRef)) {
      report(file, task.getId(), "decision-ref", describe(task) + " references decision '" + decisionRef
          + "', but no processes/*.dmn defines a decision with that id (known: "
          + String.join(", ", decisions.keySet()) + ")");
    }
  }

  // ---------------------------------------------------------------------------------------------- required fields

  /**
   * A case must not reach a gateway or a decision with an unanswered question: the engine then fails with "Unknown
   * property used in expression", or worse, a null silently takes the default path. So:
   *
   * <p><b>Reads:</b> names a process uses as variables in (a) the condition expressions ({@code ${...}}) of its
   * sequence flows (those leaving gateways, and conditional flows), and (b) the input expressions of every decision it
   * references through a business rule task, including decisions those require. Properties ({@code a.b}), function
   * calls, literals, FEEL/JUEL keywords and engine names ({@code execution}, {@code task}) are not reads.
   *
   * <p><b>Sets:</b> a form of this process (a start event's or user task's {@code formRef}) sets a variable when one
   * of its editable components has that {@code key} (disabled and read-only components only display a value).
   * Variables that no form of the process sets (DMN output mapping, output parameters, a delegate, the REST start
   * call) are out of scope: no designer can fix them in a form. Checkbox components are exempt too, because form-js
   * always submits them ({@code false} when unticked) and "required" would force a tick.
   *
   * <p><b>Rule:</b> a read variable that some form of the process sets must have {@code validate.required: true} in
   * at least one of the forms that set it. A variable that is also an output parameter or a result variable of the
   * process is exempt. "At least one" does not prove every path passes that form; the process tests do that.
   */
  private void checkReadFieldsAreRequired(Path file, BpmnModelInstance model, List<Form> processForms) {
    Set<String> setOutsideForms = new HashSet<>();
    model.getModelElementsByType(CamundaOutputParameter.class)
        .forEach(parameter -> setOutsideForms.add(parameter.getCamundaName()));
    model.getModelElementsByType(BusinessRuleTask.class).stream()
        .map(BusinessRuleTask::getCamundaResultVariable)
        .filter(variable -> variable != null)
        .forEach(setOutsideForms::add);

    Map<String, Set<String>> readsByElement = new LinkedHashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null) {
        readsByElement.put(flow.getId(), expressionReads(flow.getConditionExpression().getTextContent()));
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      Decision decision = decisions.get(task.getCamundaDecisionRef());
      if (decision != null) {
        Set<String> reads = decisionReads(decision, new HashSet<>());
        inputParameterNames(task).forEach(reads::remove);
        readsByElement.put(task.getId(), reads);
      }
    }

    readsByElement.forEach((elementId, reads) -> {
      for (String variable : reads) {
        if (setOutsideForms.contains(variable)) {
          continue;
        }
        List<Field> setters = processForms.stream().flatMap(form -> form.fields().stream())
            .filter(field -> field.key().equals(variable)).toList();
        if (setters.isEmpty() || setters.stream().anyMatch(field -> field.type().equals("checkbox"))) {
          continue;
        }
        if (setters.stream().noneMatch(Field::required)) {
          List<String> formIds = processForms.stream()
              .filter(form -> form.fields().stream().anyMatch(field -> field.key().equals(variable)))
              .map(Form::id).distinct().toList();
          report(file, elementId, "required-field", "'" + variable + "' is read here but no form of this process "
              + "requires it; tick \"Required\" for key '" + variable + "' in form " + String.join(" or ", formIds));
        }
      }
    });
  }

  private Set<String> decisionReads(Decision decision, Set<String> visited) {
    Set<String> reads = new LinkedHashSet<>();
    if (!visited.add(decision.getId())) {
      return reads;
    }
    if (decision.getExpression() instanceof DecisionTable table) {
      for (Input input : table.getInputs()) {
        if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
          reads.addAll(identifiers(input.getInputExpression().getText().getTextContent()));
        }
      }
    }
    for (InformationRequirement requirement : decision.getInformationRequirements()) {
      Decision required = requirement.getRequiredDecision();
      if (required != null) {
        reads.addAll(decisionReads(required, visited));
        if (required.getExpression() instanceof DecisionTable table) {
          table.getOutputs().stream().map(Output::getName).forEach(reads::remove);
        }
      }
    }
    return reads;
  }

  private static Set<String> inputParameterNames(BusinessRuleTask task) {
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    extensions.getElementsQuery().list().forEach(element ->
        element.getChildElementsByType(CamundaInputParameter.class)
            .forEach(parameter -> names.add(((CamundaInputParameter) parameter).getCamundaName())));
    return names;
  }

  private static Set<String> expressionReads(String condition) {
    Set<String> reads = new LinkedHashSet<>();
    Matcher expression = EXPRESSION.matcher(condition == null ? "" : condition);
    while (expression.find()) {
      reads.addAll(identifiers(expression.group(1)));
    }
    return reads;
  }

  static Set<String> identifiers(String expression) {
    Set<String> names = new LinkedHashSet<>();
    Matcher identifier = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
    while (identifier.find()) {
      if (!NOT_VARIABLES.contains(identifier.group(1))) {
        names.add(identifier.group(1));
      }
    }
    return names;
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static String camundaProperty(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().list().stream()
        .flatMap(child -> child.getChildElementsByType(CamundaProperty.class).stream())
        .map(CamundaProperty.class::cast)
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  /** Durations as the reminder job reads them: days and times (P2D, PT4H) or calendar periods (P1W). */
  /** Evaluated when the task is created (a deadlines decision's output); the process tests check the value. */
  private static boolean isExpression(String value) {
    String text = value.trim();
    return text.startsWith("${") && text.endsWith("}");
  }

  private static boolean isIsoDuration(String value) {
    try {
      Duration.parse(value);
      return true;
    } catch (DateTimeParseException notADuration) {
      try {
        Period.parse(value);
        return true;
      } catch (DateTimeParseException notAPeriod) {
        return false;
      }
    }
  }

  /** The flow element or process a camunda listener is attached to. */
  private static BaseElement owner(org.camunda.bpm.model.xml.instance.ModelElementInstance listener) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = listener.getParentElement();
    while (!(parent instanceof BaseElement) || parent instanceof ExtensionElements) {
      parent = parent.getParentElement();
    }
    return (BaseElement) parent;
  }

  private static String describe(BaseElement element) {
    // "userTask" -> "user task", as the Modeler's palette names it
    String kind = element.getElementType().getTypeName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
    return blank(name) ? kind : kind + " '" + name.replaceAll("\\s+", " ").trim() + "'";
  }

  private void report(Path file, String elementId, String rule, String message) {
    violations.add(file.getParent().getFileName() + "/" + file.getFileName() + " [" + elementId + "] " + rule + ": "
        + message);
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir, e);
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").trim();
  }
}
