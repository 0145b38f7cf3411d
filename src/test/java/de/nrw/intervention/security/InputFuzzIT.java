package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.intervention.testsupport.EngineRetry;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input generated, not hand-picked (issue 23): jqwik builds start payloads for every start form of every
 * process from the form's own fields, each broken one way (a field missing or null, a wrong type, an unknown
 * variable type, a huge or odd Unicode string, a number out of range, an extra field, deep JSON, a body that is
 * no JSON), and sends them through both REST mounts ({@code /engine-rest} with Basic auth, the web apps'
 * {@code /camunda/api/engine} with session and CSRF token). No answer may be 5xx or carry a stack trace, a refusal
 * of a broken field must name it, and a refused start must leave no process instance behind.
 */
class InputFuzzIT extends SecurityIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRIES_PER_FORM_AND_MOUNT = 120;
  private static final AtomicInteger REFERENCES = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private Api rest;
  private Api webApp;

  enum Mutation { MISSING, NULL, WRONG_TYPE, UNKNOWN_TYPE, HUGE_STRING, ODD_UNICODE, NUMBER_OUT_OF_RANGE, EXTRA_FIELD,
    DEEP_JSON, NOT_JSON }

  record Broken(Mutation mutation, String field, String body) {
  }

  @BeforeEach
  void clients() {
    rest = new Api(port);
    webApp = new Api(port).webLogin("officer");
  }

  @Test
  void generatedStartPayloads_neverAnswer5xx_nameTheBrokenField_andLeaveNoInstance() throws IOException, InterruptedException {
    Map<String, Map<String, Object>> valid = Map.of(
        "domestic-violence-intervention", Cases.domesticViolence("FUZZ", "koeln"),
        "young-offender-coordination", Cases.youngOffender("FUZZ", "koeln"));
    int tried = 0;
    Map<String, Integer> answers = new TreeMap<>();
    for (Map.Entry<String, Map<String, Object>> process : valid.entrySet()) {
      List<JsonNode> fields = formFields(Path.of("forms", "start-" + process.getKey() + ".form"));
      for (boolean throughWebApp : new boolean[] {false, true}) {
        List<Broken> payloads = broken(process.getValue(), fields).sampleStream().limit(TRIES_PER_FORM_AND_MOUNT)
            .toList();
        for (Broken payload : payloads) {
          long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process.getKey()).count();
          String path = "/process-definition/key/" + process.getKey() + "/start";
          Api.Response answer = throughWebApp
              ? webApp.sessionPostRaw("/camunda/api/engine/engine/default" + path, payload.body())
              : rest.postRaw("officer", Api.PASSWORD, "/engine-rest" + path, "application/json", payload.body(),
                  Map.of());
          tried++;
          answers.merge(answer.status() / 100 + "xx", 1, Integer::sum);
          String what = process.getKey() + (throughWebApp ? " via web app" : " via /engine-rest") + ", "
              + payload.mutation() + " " + payload.field() + ": " + abbreviated(payload.body()) + " -> " + answer.status()
              + " " + abbreviated(answer.body());
          assertThat(answer.status()).as(what).isLessThan(500);
          assertThat(answer.body()).as(what).doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("at de.");
          if (answer.status() >= 400) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process.getKey()).count())
                .as("no instance left by " + what).isEqualTo(before);
            if (namesOneField(payload.mutation()) && answer.status() == 400) {
              assertThat(answer.body()).as("the refusal names the field: " + what).contains(payload.field());
            }
          } else {
            removeCase(answer.json().get("id").asText());
          }
        }
      }
    }
    System.out.printf("InputFuzzIT: %d generated start payloads at both mounts, answers %s, 0 answered 5xx%n", tried,
        answers);
    assertThat(tried).isEqualTo(valid.size() * 2 * TRIES_PER_FORM_AND_MOUNT);
  }

  @Test
  void generatedCompletionPayloads_neverAnswer5xx_nameTheBrokenField_andLeaveTheTaskOpen() throws IOException {
    record Target(String process, Map<String, Object> start, String user, String taskKey, String form) {
    }
    List<Target> targets = List.of(
        new Target("domestic-violence-intervention", Cases.domesticViolence("FUZZ", "koeln"), "officer",
            "Task_CheckBanCompliance", "check-ban-compliance"),
        new Target("young-offender-coordination", Cases.youngOffender("FUZZ", "koeln"), "officer",
            "Task_ConveneCaseConference", "yo-convene-case-conference"));
    int tried = 0;
    Map<String, Integer> answers = new TreeMap<>();
    for (Target target : targets) {
      List<JsonNode> fields = formFields(Path.of("forms", target.form() + ".form"));
      Map<String, Object> valid = validCompletion(fields);
      for (boolean throughWebApp : new boolean[] {false, true}) {
        String taskId = null;
        for (Broken payload : broken(valid, fields).sampleStream().limit(TRIES_PER_FORM_AND_MOUNT / 2).toList()) {
          if (taskId == null) {
            taskId = openTask(target.process(), target.start(), target.user(), target.taskKey());
          }
          Map<String, Object> before = runtimeService.getVariables(processInstanceOf(taskId));
          String path = "/task/" + taskId + "/complete";
          String body = payload.body();
          Api.Response answer = throughWebApp
              ? webApp.sessionPostRaw("/camunda/api/engine/engine/default" + path, body)
              : rest.postRaw(target.user(), Api.PASSWORD, "/engine-rest" + path, "application/json", body, Map.of());
          tried++;
          answers.merge(answer.status() / 100 + "xx", 1, Integer::sum);
          String what = target.taskKey() + (throughWebApp ? " via web app" : " via /engine-rest") + ", "
              + payload.mutation() + " " + payload.field() + ": " + abbreviated(body) + " -> " + answer.status() + " "
              + abbreviated(answer.body());
          assertThat(answer.status()).as(what).isLessThan(500);
          assertThat(answer.body() == null ? "" : answer.body()).as(what).doesNotContain("\tat ")
              .doesNotContain("at org.").doesNotContain("at de.");
          if (answer.status() >= 400) {
            assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open after " + what)
                .isOne();
            assertThat(runtimeService.getVariables(processInstanceOf(taskId))).as("no variable written by " + what)
                .isEqualTo(before);
            if (namesOneField(payload.mutation()) && answer.status() == 400) {
              assertThat(answer.body()).as("the refusal names the field: " + what).contains(payload.field());
            }
          } else {
            taskId = null; // completed: the next try needs a new case
          }
        }
      }
    }
    System.out.printf("InputFuzzIT: %d generated completion payloads at both mounts, answers %s, 0 answered 5xx%n",
        tried, answers);
  }

  private String openTask(String process, Map<String, Object> start, String user, String taskKey) {
    Map<String, Object> variables = new LinkedHashMap<>(start);
    variables.put("caseReference", Cases.string("FUZZ-2026-" + REFERENCES.incrementAndGet()));
    String instance = Cases.start(rest, user, process, variables);
    Task task = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " of a new " + process + " case").isNotNull();
    taskService.claim(task.getId(), user);
    return task.getId();
  }

  private String processInstanceOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  /** A completion that fills every editable field of the form with a value of its type. */
  private static Map<String, Object> validCompletion(List<JsonNode> fields) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (JsonNode field : fields) {
      String key = field.path("key").asText();
      switch (field.path("type").asText()) {
        case "checkbox" -> variables.put(key, Cases.typed(false, "Boolean"));
        case "number" -> variables.put(key, Cases.typed(1, "Long"));
        case "datetime" -> variables.put(key, Cases.string("2026-11-21T09:00+01:00"));
        case "select", "radio" -> variables.put(key, Cases.string(field.path("values").path(0).path("value").asText()));
        default -> variables.put(key, Cases.string("Vermerk"));
      }
    }
    return variables;
  }

  /** An accepted start (e.g. an extra field): removed so the next tries count instances from the same base. */
  private void removeCase(String processInstanceId) throws InterruptedException {
    // a reminder job of the new case may run at the same moment
    EngineRetry.onConflict(() -> runtimeService.deleteProcessInstance(processInstanceId, "fuzz"));
  }

  /** Mutations aimed at one field (not the body as a whole, nor an added unknown field). */
  private static boolean namesOneField(Mutation mutation) {
    return switch (mutation) {
      case WRONG_TYPE, UNKNOWN_TYPE, NUMBER_OUT_OF_RANGE -> true;
      default -> false;
    };
  }

  /** A valid start, broken one way; each payload gets a fresh case reference so duplicates do not mask anything. */
  private static Arbitrary<Broken> broken(Map<String, Object> valid, List<JsonNode> fields) {
    Arbitrary<JsonNode> field = Arbitraries.of(fields);
    Arbitrary<String> odd = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200);
    Arbitrary<String> huge = Arbitraries.integers().between(10_000, 300_000)
        .map(length -> "Ä".repeat(length));
    return Combinators.combine(Arbitraries.of(Mutation.values()), field, odd, huge, Arbitraries.integers().between(50, 3000))
        .as((mutation, target, oddText, hugeText, depth) -> {
          String key = target.path("key").asText();
          Map<String, Object> variables = new LinkedHashMap<>(valid);
          if (valid.containsKey("caseReference")) {
            variables.put("caseReference", Cases.string("FUZZ-2026-" + REFERENCES.incrementAndGet()));
          }
          switch (mutation) {
            case MISSING -> variables.remove(key);
            case NULL -> variables.put(key, nullValue());
            case WRONG_TYPE -> variables.put(key, wrongType(target));
            case UNKNOWN_TYPE -> variables.put(key, Map.of("value", oddText, "type", "Object",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat",
                    "application/x-java-serialized-object")));
            case HUGE_STRING -> variables.put(key, Cases.string(hugeText));
            case ODD_UNICODE -> variables.put(key, Cases.string(oddText));
            case NUMBER_OUT_OF_RANGE -> variables.put(key, outOfRange(target));
            case EXTRA_FIELD -> variables.put("fuzz" + Math.abs(oddText.hashCode()), Cases.string(oddText));
            case DEEP_JSON, NOT_JSON -> {
              // the body as a whole
            }
          }
          String body = switch (mutation) {
            case DEEP_JSON -> "{\"variables\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
            case NOT_JSON -> "{\"variables\": {" + oddText;
            default -> write(Map.of("variables", variables));
          };
          return new Broken(mutation, key, body);
        });
  }

  private static Map<String, Object> nullValue() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", null);
    value.put("type", "String");
    return value;
  }

  /** A value of another type than the form field holds. */
  private static Map<String, Object> wrongType(JsonNode field) {
    return switch (field.path("type").asText()) {
      case "number" -> Cases.typed("vier", "Long");
      case "checkbox" -> Cases.typed("ja", "Boolean");
      case "datetime" -> Cases.typed(12, "Long");
      default -> Cases.typed(List.of(1, 2), "Json");
    };
  }

  private static Map<String, Object> outOfRange(JsonNode field) {
    return switch (field.path("type").asText()) {
      case "number" -> Map.of("value", new BigInteger("99999999999999999999999"), "type", "Long");
      case "datetime" -> Cases.string("+999999999-12-31T25:61+99:00");
      default -> Map.of("value", Double.MAX_VALUE, "type", "Integer");
    };
  }

  private static List<JsonNode> formFields(Path form) throws IOException {
    List<JsonNode> fields = new ArrayList<>();
    collect(JSON.readTree(Files.readString(form)), fields);
    return fields;
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    for (JsonNode component : node.path("components")) {
      if (component.path("key").isTextual() && !component.path("disabled").asBoolean(false)) {
        into.add(component);
      }
      collect(component, into);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviated(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
  }
}
