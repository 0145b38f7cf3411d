package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.nrw.intervention.testsupport.EngineRetry;
import de.nrw.intervention.testsupport.SharedRouting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

// Reminders off: moving due dates here must not race with reminder jobs the executor is running.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "intervention.reminders.enabled=false")
@ActiveProfiles({"demo", "test"})
// Spring Boot's tests replace every metrics registry with an in-memory one unless told otherwise.
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class OperationsMetricsIT {

  private static final String PROCESS = "fixture-case";
  private static final String GROUP = "policeKoeln";
  private static final AtomicInteger REFERENCES = new AtomicInteger();

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired MeterRegistry registry;
  @Autowired EngineGauges gauges;
  @Autowired TestRestTemplate rest;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ProcessEngine processEngine;

  @BeforeEach
  void deployRouting() {
    SharedRouting.deploy(processEngine);
  }

  @Test
  void openAndOverdueTasks_perProcessAndCandidateGroup() throws InterruptedException {
    gauges.refresh();
    double open = gauge(EngineGauges.TASKS_OPEN, "process", PROCESS, "candidate.group", GROUP);
    double overdue = gauge(EngineGauges.TASKS_OVERDUE, "process", PROCESS, "candidate.group", GROUP);

    Task task = reviewTaskOf(startCase());
    taskService.setDueDate(task.getId(), Date.from(java.time.Instant.now().minus(Duration.ofHours(1))));
    gauges.refresh();

    assertThat(gauge(EngineGauges.TASKS_OPEN, "process", PROCESS, "candidate.group", GROUP)).isEqualTo(open + 1);
    assertThat(gauge(EngineGauges.TASKS_OVERDUE, "process", PROCESS, "candidate.group", GROUP)).isEqualTo(overdue + 1);

    // The task's escalation falls due at once and its job may run in the same moment: complete again after a conflict.
    EngineRetry.onConflict(() -> taskService.complete(task.getId()));
    gauges.refresh();

    assertThat(gauge(EngineGauges.TASKS_OVERDUE, "process", PROCESS, "candidate.group", GROUP))
        .as("the series stays, at its old value").isEqualTo(overdue);
  }

  @Test
  void openIncidents_perProcessAndType_andAcquirableJobs() {
    String instance = startCase();
    Incident incident = runtimeService.createIncident("operationsCheck", instance, "metrics test");
    gauges.refresh();

    assertThat(gauge(EngineGauges.INCIDENTS_OPEN, "process", PROCESS, "incident.type", "operationsCheck")).isEqualTo(1);
    assertThat(registry.get(EngineGauges.JOBS_ACQUIRABLE).gauge().value()).isGreaterThanOrEqualTo(0);

    runtimeService.resolveIncident(incident.getId());
    gauges.refresh();

    assertThat(gauge(EngineGauges.INCIDENTS_OPEN, "process", PROCESS, "incident.type", "operationsCheck")).isZero();
  }

  @Test
  void caseStartTaskCompletionAndCaseEnd_areCountedAndLoggedWithIdentifiersOnly(CapturedOutput output) {
    double started = counter(BusinessEvents.CASES_STARTED, "process", PROCESS);
    double ended = counter(BusinessEvents.CASES_ENDED, "process", PROCESS, "state", "completed");
    double completed = counter(BusinessEvents.TASKS_COMPLETED, "process", PROCESS, "task", "Task_ReviewCase");

    String reference = nextReference();
    String instance = startCase(reference);
    Task task = reviewTaskOf(instance);
    taskService.setAssignee(task.getId(), "officer");
    taskService.complete(task.getId(), Map.of("reviewNote", "Herr Mustermann, Musterstraße 1"));

    assertThat(counter(BusinessEvents.CASES_STARTED, "process", PROCESS)).isEqualTo(started + 1);
    assertThat(counter(BusinessEvents.TASKS_COMPLETED, "process", PROCESS, "task", "Task_ReviewCase")).isEqualTo(completed + 1);
    assertThat(counter(BusinessEvents.CASES_ENDED, "process", PROCESS, "state", "completed")).isEqualTo(ended + 1);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
        .contains("case.started process=fixture-case processInstanceId=" + instance + " caseReference=" + reference)
        .contains("task.completed process=fixture-case processInstanceId=" + instance + " task=Task_ReviewCase taskId=" + task.getId())
        .contains("case.ended process=fixture-case processInstanceId=" + instance + " caseReference=" + reference + " state=completed"));
    assertThat(output.getOut().lines().filter(line -> line.contains("BusinessEvents")))
        .noneMatch(line -> line.contains("officer") || line.contains("Mustermann"));
  }

  @Test
  void rolledBackStart_isNeitherCountedNorLogged(CapturedOutput output) {
    double started = counter(BusinessEvents.CASES_STARTED, "process", PROCESS);
    String reference = nextReference();

    // The engine joins the caller's transaction, as it does when a delegate or listener fails later on.
    new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
      startCase(reference);
      transaction.setRollbackOnly();
    });

    assertThat(counter(BusinessEvents.CASES_STARTED, "process", PROCESS)).isEqualTo(started);
    assertThat(output.getOut()).doesNotContain("caseReference=" + reference);
  }

  @Test
  void prometheusEndpoint_exposesTheMetricsWithTheirTags() {
    startCase();
    gauges.refresh();

    // Prometheus scrapes with an administrator's credentials; anonymous callers get health only (docs/SECURITY.md).
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> scrape = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);

    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody())
        .containsPattern("intervention_tasks_open\\{application=\"interagency-intervention\",candidate_group=\"policeKoeln\",process=\"fixture-case\"} [1-9]")
        .contains("intervention_tasks_overdue{application=\"interagency-intervention\",candidate_group=\"policeKoeln\",process=\"fixture-case\"}")
        .contains("intervention_incidents_open{")
        .contains("intervention_jobs_acquirable{application=\"interagency-intervention\"}")
        .containsPattern("intervention_cases_started_total\\{application=\"interagency-intervention\",process=\"fixture-case\"} [1-9]")
        .contains("intervention_cases_ended_total{application=\"interagency-intervention\",process=\"fixture-case\",state=\"completed\"}")
        .contains("intervention_metrics_refreshed_seconds{")
        .contains("intervention_health_readiness{application=\"interagency-intervention\"} 1.0");
  }

  /**
   * The sample alert rules and their promtool tests must watch metrics the application really exports: a renamed
   * metric (once {@code intervention_reminders_failed_total} for {@code _failures_total}) makes an alert that can
   * never fire, and promtool cannot tell, because its test series carry the same wrong name.
   */
  @Test
  void alertRules_watchOnlyMetricsTheApplicationExports() throws IOException {
    startCase();
    gauges.refresh();
    ResponseEntity<String> scrape = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);
    Set<String> exported = metricNames(scrape.getBody(), Pattern.compile("(?m)^(intervention_[a-z_]+)[{ ]"));
    Pattern referenced = Pattern.compile("\\b(intervention_[a-z_]+)\\b");
    for (String file : new String[] {"docs/prometheus-alerts.yml", "docs/prometheus-alerts.test.yml"}) {
      Set<String> names = metricNames(Files.readString(Path.of(file)), referenced);
      assertThat(names).as("metrics referenced in " + file).isNotEmpty();
      assertThat(exported).as("metrics exported by /actuator/prometheus, against " + file).containsAll(names);
    }
  }

  private static Set<String> metricNames(String text, Pattern pattern) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private String startCase() {
    return startCase(nextReference());
  }

  private String startCase(String reference) {
    return runtimeService.startProcessInstanceByKey(PROCESS, reference,
        Map.of("caseReference", reference, "district", "koeln", "urgent", true)).getId();
  }

  private Task reviewTaskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private static String nextReference() {
    return "OPS-2026-" + String.format("%06d", REFERENCES.incrementAndGet()) + "-" + System.nanoTime() % 100000;
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  private double counter(String name, String... tags) {
    var counter = Search.in(registry).name(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}
