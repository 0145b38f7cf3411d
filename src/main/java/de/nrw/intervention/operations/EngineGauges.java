package de.nrw.intervention.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Gauges over the engine's database: open and overdue tasks, open incidents, acquirable jobs.
 *
 * <p>A background thread recomputes them every {@code intervention.operations.metrics-refresh-interval};
 * a scrape only reads the last values. So scrape frequency (or several Prometheus servers) never
 * adds database load, and a slow database never slows the scrape.
 *
 * <p>A process/group combination seen once keeps reporting (0 when nothing is open), so a series
 * does not vanish when its last task is done and alerts on it resolve instead of going stale.
 */
class EngineGauges implements SmartLifecycle {

  static final String TASKS_OPEN = "intervention.tasks.open";
  static final String TASKS_OVERDUE = "intervention.tasks.overdue";
  static final String INCIDENTS_OPEN = "intervention.incidents.open";
  static final String JOBS_ACQUIRABLE = "intervention.jobs.acquirable";
  static final String REFRESH_AGE = "intervention.metrics.refreshed";

  private static final Logger log = LoggerFactory.getLogger(EngineGauges.class);

  private final EngineStatistics statistics;
  private final BusinessEvents businessEvents;
  private final OperationsProperties properties;
  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;
  private final MultiGauge openIncidents;
  private final AtomicLong acquirableJobs = new AtomicLong();
  private final AtomicLong refreshedAt = new AtomicLong();
  private final Set<Tags> knownTaskTags = new HashSet<>();
  private final Set<Tags> knownIncidentTags = new HashSet<>();
  private ScheduledExecutorService scheduler;

  EngineGauges(EngineStatistics statistics, BusinessEvents businessEvents, MeterRegistry registry,
      OperationsProperties properties) {
    this.statistics = statistics;
    this.businessEvents = businessEvents;
    this.properties = properties;
    openTasks = MultiGauge.builder(TASKS_OPEN).description("Open user tasks per process and candidate group")
        .register(registry);
    overdueTasks = MultiGauge.builder(TASKS_OVERDUE)
        .description("Open user tasks past their due date per process and candidate group").register(registry);
    openIncidents = MultiGauge.builder(INCIDENTS_OPEN).description("Open incidents per process and incident type")
        .register(registry);
    Gauge.builder(JOBS_ACQUIRABLE, acquirableJobs, AtomicLong::get)
        .description("Jobs due, with retries left, not suspended and not locked: the job executor's backlog")
        .register(registry);
    Gauge.builder(REFRESH_AGE, refreshedAt, AtomicLong::get).baseUnit("seconds")
        .description("Epoch second of the last refresh of the database-backed gauges").register(registry);
  }

  synchronized void refresh() {
    Map<Tags, Long> open = zeroFor(knownTaskTags);
    Map<Tags, Long> overdue = zeroFor(knownTaskTags);
    for (EngineStatistics.TaskCount count : statistics.tasks()) {
      Tags tags = Tags.of("process", count.process(), "candidate.group", count.candidateGroup());
      open.put(tags, count.open());
      overdue.put(tags, count.overdue());
      knownTaskTags.add(tags);
    }
    openTasks.register(rows(open), true);
    overdueTasks.register(rows(overdue), true);

    Map<Tags, Long> incidents = zeroFor(knownIncidentTags);
    for (EngineStatistics.IncidentCount count : statistics.incidents()) {
      Tags tags = Tags.of("process", count.process(), "incident.type", count.incidentType());
      incidents.put(tags, count.open());
      knownIncidentTags.add(tags);
    }
    openIncidents.register(rows(incidents), true);

    acquirableJobs.set(statistics.acquirableJobs());
    statistics.processKeys().forEach(businessEvents::register);
    refreshedAt.set(System.currentTimeMillis() / 1000);
  }

  private static Map<Tags, Long> zeroFor(Set<Tags> known) {
    Map<Tags, Long> values = new HashMap<>();
    known.forEach(tags -> values.put(tags, 0L));
    return values;
  }

  private static List<MultiGauge.Row<?>> rows(Map<Tags, Long> values) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    values.forEach((tags, value) -> rows.add(MultiGauge.Row.of(tags, value)));
    return rows;
  }

  private void refreshSafely() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // Keep the last values and try again next time; intervention_metrics_refreshed tells how old they are.
      log.warn("Refreshing the engine gauges failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "engine-gauges");
      thread.setDaemon(true);
      return thread;
    });
    long interval = properties.metricsRefreshInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::refreshSafely, 0, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    scheduler.shutdownNow();
    scheduler = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
