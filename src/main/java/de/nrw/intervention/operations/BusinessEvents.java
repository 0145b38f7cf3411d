package de.nrw.intervention.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line and one counter increment per business event: case started, task completed, case
 * ended. Only technical identifiers go out (process key, task definition key, ids, the case
 * reference, which is a police reference code, see CaseReferenceListener), never names, variables
 * or the users involved: logs travel to systems with wider access than the case files.
 *
 * <p>The identifiers are key-value pairs as well as text, so JSON logs
 * ({@code logging.structured.format.console=ecs}) carry them as fields.
 */
class BusinessEvents {

  static final String CASES_STARTED = "intervention.cases.started";
  static final String CASES_ENDED = "intervention.cases.ended";
  static final String TASKS_COMPLETED = "intervention.tasks.completed";

  private static final Logger log = LoggerFactory.getLogger(BusinessEvents.class);

  private final MeterRegistry registry;

  BusinessEvents(MeterRegistry registry) {
    this.registry = registry;
  }

  void caseStarted(String processKey, String processInstanceId, String caseReference) {
    casesStarted(processKey).increment();
    event("case.started", processKey, processInstanceId)
        .addKeyValue("caseReference", caseReference)
        .log("case.started process={} processInstanceId={} caseReference={}", processKey, processInstanceId, caseReference);
  }

  void caseEnded(String processKey, String processInstanceId, String caseReference, String state) {
    String outcome = state == null ? "completed" : state.toLowerCase(Locale.ROOT);
    casesEnded(processKey, outcome).increment();
    event("case.ended", processKey, processInstanceId)
        .addKeyValue("caseReference", caseReference)
        .addKeyValue("state", outcome)
        .log("case.ended process={} processInstanceId={} caseReference={} state={}",
            processKey, processInstanceId, caseReference, outcome);
  }

  void taskCompleted(String processKey, String processInstanceId, String taskKey, String taskId) {
    Counter.builder(TASKS_COMPLETED).description("User tasks completed")
        .tag("process", processKey).tag("task", taskKey).register(registry).increment();
    event("task.completed", processKey, processInstanceId)
        .addKeyValue("task", taskKey)
        .addKeyValue("taskId", taskId)
        .log("task.completed process={} processInstanceId={} task={} taskId={}", processKey, processInstanceId, taskKey, taskId);
  }

  /** Registers the counters of a process at zero, so the first case of a process shows up in rate() and increase(). */
  void register(String processKey) {
    casesStarted(processKey);
    casesEnded(processKey, "completed");
  }

  private Counter casesStarted(String processKey) {
    return Counter.builder(CASES_STARTED).description("Cases (process instances) started")
        .tag("process", processKey).register(registry);
  }

  private Counter casesEnded(String processKey, String state) {
    return Counter.builder(CASES_ENDED)
        .description("Cases (process instances) ended; state completed, externally_terminated or internally_terminated")
        .tag("process", processKey).tag("state", state).register(registry);
  }

  private static LoggingEventBuilder event(String action, String processKey, String processInstanceId) {
    return log.atInfo()
        .addKeyValue("event.action", action)
        .addKeyValue("process", processKey)
        .addKeyValue("processInstanceId", processInstanceId);
  }
}
