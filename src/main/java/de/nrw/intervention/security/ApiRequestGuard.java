package de.nrw.intervention.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First guard in front of the engine's API (REST and web apps alike), after authentication:
 * <ul>
 *   <li>API responses are never cached: they carry case data, and shared or browser caches outlive a logout;</li>
 *   <li>JSON bodies above a limit are refused (413) before anything parses them, malformed ones with 400;</li>
 *   <li>typed start variables whose value does not fit the type are refused naming the variable.</li>
 * </ul>
 * Rules about what a query may ask (expressions, variable conditions) are not HTTP concerns: the engine applies them
 * to every command ({@code access.CommandAccessRules}).
 */
class ApiRequestGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CACHE_CONTROL = "Cache-Control";
  private static final String PROCESS_START =
      "process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form)";
  private static final Set<String> INTEGRAL_TYPES = Set.of("integer", "long", "short");

  private final SecurityProperties properties;

  ApiRequestGuard(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineApiRequest> api = EngineApiRequest.of(request);
    if (api.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    response = new NoStoreResponse(response);
    EngineApiRequest call = api.get();

    if (!isJson(request)) {
      chain.doFilter(request, response);
      return;
    }
    long limit = properties.maxRequestBody().toBytes();
    if (request.getContentLengthLong() > limit) {
      tooLarge(response, limit);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), limit + 1);
    if (body.length > limit) {
      tooLarge(response, limit);
      return;
    }
    if (body.length > 0) {
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (JsonProcessingException malformed) {
        JsonErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
            "Malformed JSON at line " + malformed.getLocation().getLineNr() + ", column "
                + malformed.getLocation().getColumnNr() + ": " + malformed.getOriginalMessage(), null);
        return;
      }
      if (call.is("POST", PROCESS_START)) {
        VariableProblem problem = illTypedVariable(json.path("variables"));
        if (problem != null) {
          JsonErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
              "Ungültiger Wert für '" + problem.field() + "': " + problem.message(), problem.field());
          return;
        }
      }
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** Checks the value of each variable typed as a number, boolean or date; the engine's message names none. */
  static VariableProblem illTypedVariable(JsonNode variables) {
    if (!variables.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = variables.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode variable = entry.getValue();
      if (!variable.isObject()) {
        return new VariableProblem(entry.getKey(), "erwartet wird ein Objekt mit 'value' und 'type'");
      }
      String type = variable.path("type").asText("").toLowerCase();
      JsonNode value = variable.path("value");
      if (value.isNull() || value.isMissingNode()) {
        continue;
      }
      boolean fits = switch (type) {
        case "integer", "long", "short" -> value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?\\d+"));
        case "double" -> value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"));
        case "boolean" -> value.isBoolean() || (value.isTextual() && value.asText().matches("true|false"));
        case "date", "string" -> value.isTextual();
        default -> true;
      };
      if (!fits) {
        return new VariableProblem(entry.getKey(),
            value + " ist kein gültiger Wert vom Typ " + (INTEGRAL_TYPES.contains(type) ? "ganze Zahl" : type));
      }
    }
    return null;
  }

  record VariableProblem(String field, String message) {
  }

  private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    JsonErrors.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
        "Request body larger than " + limit + " bytes", null);
  }

  private static boolean isJson(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase().contains("json");
  }

  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
  }

  /** The engine's REST API sets "no-cache" (revalidate, but store); ours must not be stored at all. */
  private static final class NoStoreResponse extends HttpServletResponseWrapper {

    NoStoreResponse(HttpServletResponse response) {
      super(response);
      response.setHeader(CACHE_CONTROL, "no-store");
      response.setHeader("Pragma", "no-cache");
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? "no-store" : value);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, "no-store");
      } else {
        super.addHeader(name, value);
      }
    }
  }

  /** The body was read to check it; the engine reads it again from here. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
