package de.nrw.intervention.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Holds a REST start to the rules its Camunda start form already shows a caseworker: required fields, types,
 * select options, patterns and number ranges. Without it, a client skipping the form fails somewhere deep in
 * the model with a message no caller can act on, or worse, starts a case that cannot route.
 *
 * <p>A field shown only under a condition is required only when the condition shows it ({@link FormCondition},
 * FEEL as in the form); a field whose condition cannot be evaluated is checked for type only.
 */
public final class StartFormCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StartFormCheck() {
  }

  static void check(DelegateExecution execution) {
    for (JsonNode field : startFormFields(execution)) {
      String key = field.path("key").asText();
      Object value = execution.getVariable(key);
      JsonNode validate = field.path("validate");
      if (value == null || (value instanceof String text && text.isBlank())) {
        if (validate.path("required").asBoolean(false) && isShown(field, execution)) {
          throw new InvalidCaseDataException(key, label(field), "bitte ausfüllen");
        }
        continue;
      }
      checkValue(key, field, validate, value);
    }
  }

  /** Whether the form shows the field for these variables; a condition we cannot read counts as hidden. */
  private static boolean isShown(JsonNode field, DelegateExecution execution) {
    JsonNode hide = field.path("conditional").path("hide");
    if (!hide.isTextual()) {
      return true;
    }
    return FormCondition.evaluate(field.path("key").asText(), hide.asText(), execution::getVariable)
        .map(hidden -> !hidden).orElse(false);
  }

  static void checkValue(String key, JsonNode field, JsonNode validate, Object value) {
    String label = label(field);
    switch (field.path("type").asText()) {
      case "number" -> {
        if (!(value instanceof Number number)) {
          throw new InvalidCaseDataException(key, label, "bitte eine Zahl eingeben");
        }
        if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
          throw new InvalidCaseDataException(key, label, "bitte mindestens " + validate.get("min").asText() + " eingeben");
        }
        if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
          throw new InvalidCaseDataException(key, label, "bitte höchstens " + validate.get("max").asText() + " eingeben");
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw new InvalidCaseDataException(key, label, "muss ja oder nein sein (true oder false)");
        }
      }
      case "datetime" -> {
        if (!(value instanceof Date) && !(value instanceof String text && isIsoDate(text, field.path("subtype").asText()))) {
          throw new InvalidCaseDataException(key, label, "date".equals(field.path("subtype").asText())
              ? "bitte ein Datum wie 2026-03-10 angeben" : "bitte Datum und Uhrzeit wie 2026-03-10T21:45+01:00 angeben");
        }
      }
      case "textfield", "textarea", "select", "radio" -> checkText(key, label, field, validate, value);
      default -> { }
    }
  }

  private static boolean isIsoDate(String text, String subtype) {
    List<java.util.function.Consumer<String>> parsers = "date".equals(subtype)
        ? List.of(java.time.LocalDate::parse)
        : List.of(java.time.OffsetDateTime::parse, java.time.LocalDateTime::parse, java.time.ZonedDateTime::parse);
    for (java.util.function.Consumer<String> parser : parsers) {
      try {
        parser.accept(text);
        return true;
      } catch (java.time.format.DateTimeParseException notThisForm) {
        // try the next form
      }
    }
    return false;
  }

  private static void checkText(String key, String label, JsonNode field, JsonNode validate, Object value) {
    if (!(value instanceof String text)) {
      throw new InvalidCaseDataException(key, label, "muss Text sein");
    }
    if (field.has("values") && field.get("values").isArray() && !field.get("values").isEmpty()) {
      List<String> allowed = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      field.get("values").forEach(option -> {
        allowed.add(option.path("value").asText());
        shown.add(option.path("label").asText() + " (" + option.path("value").asText() + ")");
      });
      if (!allowed.contains(text)) {
        throw new InvalidCaseDataException(key, label, "bitte eine der Möglichkeiten wählen: " + String.join(", ", shown));
      }
    }
    if (validate.hasNonNull("pattern") && !Pattern.compile(validate.get("pattern").asText()).matcher(text).find()) {
      // never the pattern itself: the field's description says the format in words
      throw new InvalidCaseDataException(key, label, field.hasNonNull("description")
          ? "bitte im beschriebenen Format eingeben: " + field.get("description").asText()
          : "bitte im Format eingeben, das das Formular beschreibt");
    }
    if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
      throw new InvalidCaseDataException(key, label, "bitte höchstens " + validate.get("maxLength").asInt() + " Zeichen eingeben");
    }
  }

  /** The field as the form shows it: its label, or for date and time fields the date label without "(Datum)". */
  static String label(JsonNode field) {
    String label = field.path("label").asText(field.path("dateLabel").asText(""));
    label = label.replaceFirst("\\s*\\(Datum\\)$", "");
    return label.isBlank() ? "'" + field.path("key").asText() + "'" : label;
  }

  private static List<JsonNode> startFormFields(DelegateExecution execution) {
    String processDefinitionId = execution.getProcessDefinitionId();
    // Asked of the parsed model rather than by catching the form service's "no form" error: in the Spring app that
    // error marks the whole start transaction rollback-only. A start event without a form has nothing to check; a
    // formRef whose form was not deployed with the process fails the start, never skips the check.
    FormDefinition startForm = ((ExecutionEntity) execution).getProcessDefinition().getStartFormDefinition();
    if (startForm == null || (startForm.getFormKey() == null && startForm.getCamundaFormDefinitionKey() == null)) {
      return List.of();
    }
    InputStream form = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getFormService().getDeployedStartForm(processDefinitionId));
    try (InputStream in = form) {
      List<JsonNode> fields = new ArrayList<>();
      collectFields(JSON.readTree(in), fields);
      return fields;
    } catch (IOException unreadable) {
      throw new ProcessEngineException("Start form of " + processDefinitionId + " is not valid JSON", unreadable);
    }
  }

  public static void collectFields(JsonNode container, List<JsonNode> fields) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")) {
        fields.add(component);
      }
      collectFields(component, fields);
    }
  }
}
