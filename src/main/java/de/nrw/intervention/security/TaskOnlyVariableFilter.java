package de.nrw.intervention.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.nrw.intervention.access.AccessProperties;
import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.casefile.StartFormCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * School contacts may read a task, and the engine then hands out every variable visible from the task's
 * execution: the whole case, victim details and risk checklist included. For users whose only agencies are
 * task-only ones, this filter cuts every task-variable read down to the fields of the task's own form (plus the
 * case reference): what the task needs, nothing more. Process-instance and history reads are already refused by
 * the engine, since these groups never get case authorizations ({@link TaskCandidateAccess}); variable and
 * history-detail queries are refused here, because the engine answers them from the task's history rights.
 *
 * <p>Chosen over moving school tasks into called sub-processes: it needs no change to the models, and a model
 * that adds a school task is protected the moment its form exists.
 */
class TaskOnlyVariableFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ALL_VARIABLES =
      Pattern.compile("task/([^/]+)/(variables|form-variables|complete|submit-form)");
  private static final Pattern ONE_VARIABLE = Pattern.compile("task/([^/]+)/variables/([^/]+)(/data)?");
  /**
   * Variable queries beside the task: the engine lets a task's candidates read its history, and with that the
   * historic variables of the whole case (7.24). A task-only user needs none of these.
   */
  private static final Pattern TASK_QUERIES = Pattern.compile("task(/count)?|filter/[^/]+/(list|count|singleResult)");
  private static final List<String> VARIABLE_FILTERS =
      List.of("processVariables", "taskVariables", "caseInstanceVariables");
  private static final Pattern VARIABLE_QUERIES =
      Pattern.compile("(history/)?(variable-instance|detail)(/.*)?|execution/.*|process-instance/.*");

  private final AccessProperties properties;
  private final Supplier<ProcessEngine> engine;

  TaskOnlyVariableFilter(AccessProperties properties, Supplier<ProcessEngine> engine) {
    this.properties = properties;
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineApiRequest> api = EngineApiRequest.of(request).filter(call -> isTaskOnlyCaller(call));
    if (api.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    EngineApiRequest call = api.get();
    if (VARIABLE_QUERIES.matcher(call.path()).matches()) {
      JsonErrors.send(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "School contacts read case data only through their tasks", null);
      return;
    }
    if (queriesByVariableValue(call, request)) {
      JsonErrors.send(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "School contacts may not search tasks by variable values", null);
      return;
    }
    Matcher one = ONE_VARIABLE.matcher(call.path());
    if (call.method().equals("GET") && one.matches()) {
      if (!allowedVariables(one.group(1)).contains(one.group(2))) {
        JsonErrors.send(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "The variable '" + one.group(2) + "' is not part of this task", one.group(2));
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    Matcher all = ALL_VARIABLES.matcher(call.path());
    if (!all.matches()) {
      chain.doFilter(request, response);
      return;
    }
    // Read before the call: completing the task removes it, and with it the form to look up.
    Set<String> allowed = allowedVariables(all.group(1));
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    if (buffered.getStatus() == HttpServletResponse.SC_OK && body.length > 0) {
      JsonNode json = JSON.readTree(body);
      if (json instanceof ObjectNode variables) {
        variables.retain(allowed);
        body = JSON.writeValueAsBytes(variables);
      }
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * A task query filtering on variable values would let a school contact test guesses against the case's
   * variables ("is victimName = X?") through its own task.
   */
  private static boolean queriesByVariableValue(EngineApiRequest call, HttpServletRequest request) throws IOException {
    if (!TASK_QUERIES.matcher(call.path()).matches()) {
      return false;
    }
    for (String name : VARIABLE_FILTERS) {
      if (request.getParameter(name) != null) {
        return true;
      }
    }
    if (!"POST".equals(call.method())) {
      return false;
    }
    byte[] body = request.getInputStream().readAllBytes();
    if (body.length == 0) {
      return false;
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException malformed) {
      return false;
    }
    return VARIABLE_FILTERS.stream().anyMatch(name -> json.findValues(name).stream()
        .anyMatch(value -> value.isArray() ? !value.isEmpty() : !value.isNull()));
  }

  private boolean isTaskOnlyCaller(EngineApiRequest call) {
    return call.caller(engine.get().getIdentityService(), engine.get().getName())
        .map(caller -> !caller.groupIds().isEmpty()
            && !caller.groupIds().contains(Groups.CAMUNDA_ADMIN)
            && caller.groupIds().stream().allMatch(properties::isTaskOnlyGroup))
        .orElse(false);
  }

  private Set<String> allowedVariables(String taskId) {
    Set<String> allowed = new HashSet<>(Set.of(CaseReferenceListener.VARIABLE));
    try (InputStream form = engine.get().getFormService().getDeployedTaskForm(taskId)) {
      List<JsonNode> fields = new ArrayList<>();
      StartFormCheck.collectFields(JSON.readTree(form), fields);
      fields.forEach(field -> allowed.add(field.get("key").asText()));
    } catch (ProcessEngineException | IOException noReadableForm) {
      // No Camunda form (or no access to the task): only the case reference; the engine answers the rest.
    }
    return allowed;
  }
}
