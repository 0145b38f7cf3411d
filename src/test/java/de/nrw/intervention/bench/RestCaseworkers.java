package de.nrw.intervention.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.nrw.intervention.conference.CaseConference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Drives cases through the authenticated REST API as Tasklist does, with HTTP Basic as the demo users: each
 * caseworker lists the case's tasks visible to them, claims one, reads its form variables and completes it.
 */
final class RestCaseworkers extends Caseworkers {

  static final ObjectMapper JSON = new ObjectMapper();
  /** The password policy asks for at least 12 characters. */
  static final String BENCH_PASSWORD = "bench-password-2026";
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  RestCaseworkers(String base, Stats stats) {
    super(stats);
    this.base = base;
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  static String basic(String user) {
    String password = user.equals("benchuser") ? BENCH_PASSWORD : "demo";
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Response call(String user, String method, String path, String body, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", basic(user))
        .header("Accept", accept == null ? "application/json" : accept);
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted");
    }
  }

  Response timed(String type, String user, String method, String path, String body) {
    Response response = stats.time(type, () -> call(user, method, path, body, null));
    if (!response.ok()) {
      stats.error(type + " " + path + " -> " + response.status() + " " + response.body());
    }
    return response;
  }

  static String typed(Map<String, Object> variables) {
    ObjectNode root = JSON.createObjectNode();
    variables.forEach((name, value) -> {
      ObjectNode v = root.putObject(name);
      if (value instanceof Boolean b) {
        v.put("value", b).put("type", "Boolean");
      } else if (value instanceof Long l) {
        v.put("value", l).put("type", "Long");
      } else {
        v.put("value", String.valueOf(value)).put("type", "String");
      }
    });
    return root.toString();
  }

  @Override
  String start(Caseload.Case c) {
    return started(timed("start", "officer", "POST", "/engine-rest/process-definition/key/" + c.process() + "/start",
        startBody(c.businessKey(), Caseload.startVariables(c))));
  }

  @Override
  boolean callConference(Caseload.Case c) {
    return started(timed("call-conference", Caseload.COORDINATOR, "POST",
        "/engine-rest/process-definition/key/" + CaseConference.CONFERENCE_PROCESS_KEY + "/start",
        startBody(Caseload.conferenceReference(c), Caseload.conferenceStartVariables(c)))) != null;
  }

  private static String startBody(String businessKey, Map<String, Object> variables) {
    return "{\"businessKey\":\"" + businessKey + "\",\"variables\":" + typed(variables) + "}";
  }

  private static String started(Response response) {
    return response.ok() ? response.json().get("id").asText() : null;
  }

  @Override
  void courtMessages(Caseload.Case c) {
    // The court's messages come from another system (here the administrator account): police may not correlate.
    timed("message", "demo", "POST", "/engine-rest/message",
        "{\"messageName\":\"FamilyCourtProtectionOrderApplied\",\"businessKey\":\"" + c.businessKey() + "\"}");
    timed("message", "demo", "POST", "/engine-rest/message",
        "{\"messageName\":\"FamilyCourtDecided\",\"businessKey\":\"" + c.businessKey() + "\"}");
  }

  @Override
  void work(String user, String businessKey, Caseload.Case c, Set<String> done, Set<String> completed) {
    Response list = timed("list-tasks", user, "GET",
        // By business key: the school's observation and the conference case run in called processes of their own,
        // with the case's key.
        "/engine-rest/task?processInstanceBusinessKey=" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
            + "&firstResult=0&maxResults=50", null);
    if (!list.ok()) {
      return;
    }
    for (JsonNode task : list.json()) {
      String id = task.get("id").asText();
      if (!done.add(id)) {
        continue;
      }
      String key = task.get("taskDefinitionKey").asText();
      if (!timed("claim", user, "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}").ok()) {
        continue;
      }
      timed("form-variables", user, "GET", "/engine-rest/task/" + id + "/form-variables", null);
      if (timed("complete", user, "POST", "/engine-rest/task/" + id + "/complete",
          "{\"variables\":" + typed(Caseload.completion(c, key)) + "}").ok()) {
        completed.add(key);
      }
    }
  }

  @Override
  boolean ended(Caseload.Case c, String instanceId) {
    // Did the case end, or is it waiting for a task nobody of ours can see?
    Response history = call("demo", "GET", "/engine-rest/history/process-instance/" + instanceId, null, null);
    boolean ended = history.ok() && !history.json().path("endTime").isNull() && !history.json().path("endTime").isMissingNode();
    if (!ended) {
      stats.error("case " + c.businessKey() + " not ended and no visible task: " + history.body());
    }
    return ended;
  }
}
