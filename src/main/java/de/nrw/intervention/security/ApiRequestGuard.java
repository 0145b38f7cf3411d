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
import java.math.BigInteger;
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
 *   <li>variables of a case start or task completion whose value does not fit their type, or of a type a case does
 *       not use, are refused naming the variable: the REST layer converts them before the engine sees them.</li>
 * </ul>
 * Texts the database cannot store are refused by the engine itself, at every door ({@code casefile.StorableText}).
 * Rules about what a query may ask (expressions, variable conditions) are not HTTP concerns: the engine applies them
 * to every command ({@code access.CommandAccessRules}).
 */
class ApiRequestGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CACHE_CONTROL = "Cache-Control";
  private static final String PROCESS_START =
      "process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form)";
  private static final String TASK_COMPLETION = "task/[^/]+/(complete|submit-form|resolve)";
  private static final Set<String> INTEGRAL_TYPES = Set.of("integer", "long", "short");
  /** What a case start may carry: the types of our forms' fields. Object, Json, Xml, File and Bytes are refused. */
  private static final Set<String> START_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
      "date", "null");

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
        // A parser limit (nesting depth, number length) has no location.
        String where = malformed.getLocation() == null ? ""
            : " in Zeile " + malformed.getLocation().getLineNr() + ", Spalte " + malformed.getLocation().getColumnNr();
        JsonErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
            "Ungültiges JSON" + where + " (Parser: " + malformed.getOriginalMessage() + ")", null);
        return;
      }
      if (call.is("POST", PROCESS_START) || call.is("POST", TASK_COMPLETION)) {
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

  /** Checks each variable's type and value; the REST layer's messages name no variable (or answer 500). */
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
      if (!type.isEmpty() && !START_TYPES.contains(type)) {
        return new VariableProblem(entry.getKey(), "der Typ '" + variable.path("type").asText()
            + "' wird hier nicht angenommen; erlaubt sind String, Boolean, Long, Integer, Short, Double und Date");
      }
      boolean fits = switch (type) {
        case "integer" -> fitsIntegral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case "long" -> fitsIntegral(value, Long.MIN_VALUE, Long.MAX_VALUE);
        case "short" -> fitsIntegral(value, Short.MIN_VALUE, Short.MAX_VALUE);
        case "double" -> value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"));
        case "boolean" -> value.isBoolean() || (value.isTextual() && value.asText().matches("true|false"));
        case "date" -> value.isTextual();
        case "string" -> value.isTextual();
        default -> true; // untyped: the engine infers the type
      };
      if (!fits) {
        return new VariableProblem(entry.getKey(), abbreviated(value.toString()) + " ist kein gültiger Wert vom Typ "
            + (INTEGRAL_TYPES.contains(type) ? "ganze Zahl" : type));
      }
    }
    return null;
  }

  private static String abbreviated(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }

  /** A whole number (as JSON number or digits) within the type's range. */
  private static boolean fitsIntegral(JsonNode value, long min, long max) {
    BigInteger number;
    if (value.isIntegralNumber()) {
      number = value.bigIntegerValue();
    } else if (value.isTextual() && value.asText().matches("-?\\d{1,40}")) {
      number = new BigInteger(value.asText());
    } else {
      return false;
    }
    return number.compareTo(BigInteger.valueOf(min)) >= 0 && number.compareTo(BigInteger.valueOf(max)) <= 0;
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
