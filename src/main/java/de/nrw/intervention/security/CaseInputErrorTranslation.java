package de.nrw.intervention.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST API answers any exception while starting a case or completing a task with 500, even when
 * the caller sent bad data (our {@code InvalidCaseDataException}, or a variable the model needs but the call
 * left out). Those become 400 naming the field. The engine has rolled back the whole start by then, so a
 * refused case leaves nothing behind. Other 500s stay what they are: faults of ours.
 */
class CaseInputErrorTranslation extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INPUT_CALL = Pattern.compile(
      "process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form)|task/[^/]+/(complete|submit-form)");
  private static final List<Pattern> CALLER_MISTAKES = List.of(
      Pattern.compile("Invalid case data: '([^']+)' (.*)"),
      Pattern.compile("Cannot resolve identifier '([^']+)'"),
      Pattern.compile("Unknown property used in expression.*?'([^']+)'"));
  /** Thrown by our model beans on values they cannot use; no field known, but still the caller's data. */
  private static final String ARGUMENT_REJECTED = "IllegalArgumentException";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean inputCall = EngineApiRequest.of(request)
        .filter(call -> call.method().equals("POST") && INPUT_CALL.matcher(call.path()).matches())
        .isPresent();
    if (!inputCall) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    if (buffered.getStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
      JsonNode error = error(buffered.getContentAsByteArray());
      String message = error.path("message").asText("");
      for (Pattern mistake : CALLER_MISTAKES) {
        Matcher matcher = mistake.matcher(message);
        if (matcher.find()) {
          String field = matcher.group(1);
          String text = mistake == CALLER_MISTAKES.get(0) ? matcher.group(0)
              : "Invalid case data: '" + field + "' is required at this point of the case";
          JsonErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidCaseDataException", text, field);
          return;
        }
      }
      if (ARGUMENT_REJECTED.equals(error.path("type").asText())) {
        JsonErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidCaseDataException",
            "Invalid case data: " + message, null);
        return;
      }
    }
    buffered.copyBodyToResponse();
  }

  private static JsonNode error(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json == null ? JSON.createObjectNode() : json;
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }
}
