package de.nrw.intervention.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per successful read of a case's variables through the API: who, which case (its reference,
 * never a name), when, and by which call. The engine's user operation log records changes, not reads; this
 * closes that gap for the reads that matter. Logger {@value #AUDIT_LOGGER}, so operators can ship it apart.
 */
class CaseVariableReadAudit extends OncePerRequestFilter {

  static final String AUDIT_LOGGER = "de.nrw.intervention.audit";
  private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

  private static final Pattern TASK_READ =
      Pattern.compile("task/([^/]+)/(variables|form-variables|localVariables|complete|submit-form)(/.*)?");
  private static final Pattern INSTANCE_READ =
      Pattern.compile("(process-instance|execution)/([^/]+)/(variables|localVariables|form-variables)(/.*)?");
  private static final Pattern VARIABLE_QUERY = Pattern.compile("(history/)?variable-instance(/count)?");

  private final Supplier<ProcessEngine> engine;

  CaseVariableReadAudit(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineApiRequest> api = EngineApiRequest.of(request).filter(CaseVariableReadAudit::readsVariables);
    String user = api.flatMap(call -> call.caller(engine.get().getIdentityService(), engine.get().getName()))
        .map(EngineApiRequest.Caller::userId).orElse(null);
    chain.doFilter(request, response);
    // complete/submit-form only read variables when asked to return them (answer 200 instead of 204). The case is
    // looked up afterwards, from history (which outlives a completed task), and only for reads that happened and
    // are logged.
    if (api.isPresent() && user != null && response.getStatus() == HttpServletResponse.SC_OK && AUDIT.isInfoEnabled()) {
      AUDIT.info("case-variables-read user={} cases={} call=\"{} {}\" at={}", user, casesRead(api.get()),
          api.get().method(), api.get().path(), Instant.now());
    }
  }

  private static boolean readsVariables(EngineApiRequest call) {
    return TASK_READ.matcher(call.path()).matches() || INSTANCE_READ.matcher(call.path()).matches()
        || VARIABLE_QUERY.matcher(call.path()).matches();
  }

  /** The references of the cases a call reads variables of ({@link #readsVariables} is true for it). */
  private Set<String> casesRead(EngineApiRequest call) {
    Matcher task = TASK_READ.matcher(call.path());
    if (task.matches()) {
      return Set.of(caseOfTask(task.group(1)));
    }
    Matcher instance = INSTANCE_READ.matcher(call.path());
    if (instance.matches()) {
      return Set.of(caseOfInstance(instance.group(2)));
    }
    if (VARIABLE_QUERY.matcher(call.path()).matches()) {
      Set<String> cases = new LinkedHashSet<>();
      for (String name : new String[] {"processInstanceId", "processInstanceIdIn"}) {
        String value = call.request().getParameter(name);
        if (value != null) {
          for (String id : value.split(",")) {
            cases.add(caseOfInstance(id.trim()));
          }
        }
      }
      return cases.isEmpty() ? Set.of("(query)") : cases;
    }
    return null;
  }

  private String caseOfTask(String taskId) {
    return withoutAuthorization(history -> {
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      return task == null || task.getRootProcessInstanceId() == null ? "(unknown)"
          : businessKey(history, task.getRootProcessInstanceId());
    });
  }

  private String caseOfInstance(String processInstanceId) {
    return withoutAuthorization(history -> {
      HistoricProcessInstance instance =
          history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
      return instance == null ? "(unknown)" : businessKey(history, instance.getRootProcessInstanceId());
    });
  }

  private static String businessKey(HistoryService history, String rootProcessInstanceId) {
    HistoricProcessInstance root =
        history.createHistoricProcessInstanceQuery().processInstanceId(rootProcessInstanceId).singleResult();
    return root == null || root.getBusinessKey() == null ? "(none)" : root.getBusinessKey();
  }

  /** The lookup must not depend on, or be limited by, what the reader may see. */
  private String withoutAuthorization(Function<HistoryService, String> lookup) {
    ProcessEngine processEngine = engine.get();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext ->
        commandContext.runWithoutAuthorization(() -> lookup.apply(processEngine.getHistoryService())));
  }
}
