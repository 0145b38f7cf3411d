package de.nrw.intervention.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A plain HTTP client for the tests: the JDK's, so 401 answers to POSTs come back as answers (the default
 * RestTemplate client throws on them), and one instance per web-app session keeps its cookies. Public for the
 * cluster tests, which call both mounts of a node running as a process of its own.
 */
public final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "demo";
  /** List queries must page: the engine refuses unbounded ones (queryMaxResultsLimit). */
  static final String PAGE = "&firstResult=0&maxResults=100";

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException notJson) {
        throw new AssertionError("not JSON (" + status + "): " + body, notJson);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf;

  public Api(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A cookie this client holds, e.g. the web apps' XSRF-TOKEN. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /**
   * Logs this client in to the web apps as Tasklist does (session cookie, CSRF token); afterwards
   * {@link #sessionPost} and {@code get(null, ...)} call {@code /camunda/api/...} as that user.
   */
  public Api webLogin(String user) {
    get(null, "/camunda/app/tasklist/default/");
    Response login = postRaw(null, null, "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + PASSWORD,
        Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
    if (login.status() != 200) {
      throw new IllegalStateException("web-app login of " + user + ": " + login.status() + " " + login.body());
    }
    // The login starts a new session, which gets a new CSRF token.
    Response probe = get(null, "/camunda/api/engine/engine/default/user/" + user + "/profile");
    csrf = probe.header("X-XSRF-TOKEN") != null ? probe.header("X-XSRF-TOKEN") : cookie("XSRF-TOKEN");
    return this;
  }

  /** A JSON POST with the session and CSRF token of {@link #webLogin}. */
  public Response sessionPost(String path, Object body) {
    return send(null, null, json(path, "POST", body), csrf == null ? Map.of() : Map.of("X-XSRF-TOKEN", csrf));
  }

  /** A raw JSON body (possibly broken on purpose) with the session and CSRF token of {@link #webLogin}. */
  Response sessionPostRaw(String path, String body) {
    return postRaw(null, null, path, "application/json", body, csrf == null ? Map.of() : Map.of("X-XSRF-TOKEN", csrf));
  }

  public Response get(String user, String path) {
    return send(user, PASSWORD, HttpRequest.newBuilder(uri(path)).GET(), Map.of());
  }

  public Response post(String user, String path, Object body) {
    return send(user, PASSWORD, json(path, "POST", body), Map.of());
  }

  Response put(String user, String path, Object body) {
    return send(user, PASSWORD, json(path, "PUT", body), Map.of());
  }

  Response postRaw(String user, String password, String path, String contentType, String body,
      Map<String, String> headers) {
    return send(user, password, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
  }

  Response getAs(String user, String password, String path) {
    return send(user, password, HttpRequest.newBuilder(uri(path)).GET(), Map.of());
  }

  /** A one-file deployment, as the Modeler's "deploy" button sends it. */
  Response deploy(String user, String fileName, String content) {
    return deploy(user, Map.of(fileName, content));
  }

  /** A deployment of several files (file name to content), as the Modeler sends a diagram with attached files. */
  Response deploy(String user, Map<String, String> files) {
    return deploy(user, Map.of("deployment-name", "security-probe"), files);
  }

  /** A multipart deployment: its form fields (e.g. {@code deployment-name}), then one part per file. */
  Response deploy(String user, Map<String, String> fields, Map<String, String> files) {
    String boundary = "----security-it-boundary";
    StringBuilder parts = new StringBuilder();
    fields.forEach((name, value) -> parts.append("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
    files.forEach((fileName, content) -> parts.append("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"));
    String body = parts + "--" + boundary + "--\r\n";
    return postRaw(user, PASSWORD, "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body, Map.of());
  }

  private HttpRequest.Builder json(String path, String method, Object body) {
    try {
      String text = body instanceof String string ? string : JSON.writeValueAsString(body);
      return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Response send(String user, String password, HttpRequest.Builder request, Map<String, String> headers) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
