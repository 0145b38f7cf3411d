package de.nrw.intervention.cluster;

import de.nrw.intervention.testsupport.PackagedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatusCode;

/** One application node: the packaged jar in its own JVM, as an operator runs it. */
final class AppNode implements AutoCloseable {


  final String name;
  final int port;
  private final Process process;

  private AppNode(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  private static final Path LOGS = Path.of("target", "cluster-logs");

  /** Where the node's console output goes. */
  static Path logFile(String name) {
    return LOGS.resolve(name + ".log");
  }

  static AppNode start(String name, String jdbcUrl, String... extraArgs) throws IOException {
    int port = PackagedApp.freePort();
    Files.createDirectories(LOGS);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", PackagedApp.jar().toString(),
        "--server.port=" + port,
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--intervention.models.processes-dir=" + Path.of("processes").toAbsolutePath(),
        "--intervention.models.forms-dir=" + Path.of("forms").toAbsolutePath()));
    command.addAll(List.of(extraArgs));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logFile(name).toFile())
        .start();
    return new AppNode(name, port, process);
  }

  AppNode awaitReady() {
    // A node killed mid-conversation makes the test's SMTP server thread fail with "connection reset": that is the
    // scenario under test, not a failure of the wait.
    Awaitility.await(name + " ready").dontCatchUncaughtExceptions()
        .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " died during startup; see " + logFile(name));
          }
          return status("/actuator/health/readiness") == 200;
        });
    return this;
  }

  /** The REST API as {@code user} (demo password). */
  TestRestTemplate rest(String user) {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(url(""))).withBasicAuth(user, "demo");
  }

  /**
   * Starts a Köln domestic-violence case through REST as {@code officer}: expulsion order at {@code orderedAt}, no
   * children, no counselling consent, so its only task is the police's compliance check (due 3 days after the order).
   */
  HttpStatusCode startBanCase(String reference, String orderedAt) {
    return rest("officer").postForEntity("/engine-rest/process-definition/key/domestic-violence-intervention/start",
        Map.of("businessKey", reference, "variables", Map.of(
            "caseReference", typed(reference, "String"),
            "district", typed("koeln", "String"),
            "operationDateTime", typed(orderedAt, "String"),
            "expulsionOrderIssued", typed(true, "Boolean"),
            "expulsionOrderDateTime", typed(orderedAt, "String"),
            "childCount", typed(0, "Long"),
            "victimConsentsToCounselling", typed(false, "Boolean"))),
        String.class).getStatusCode();
  }

  /**
   * The sum of every series of a Prometheus metric on this node ({@code name} as exported, e.g.
   * {@code intervention_reminders_sent_total}), 0 when it has none.
   */
  double metric(String name) {
    String scrape = rest("demo").getForObject("/actuator/prometheus", String.class);
    return scrape.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  int status(String path) {
    return PackagedApp.status(url(path));
  }

  /** SIGKILL: no shutdown hook runs, locked jobs stay locked until their lock time passes. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }


  @Override
  public String toString() {
    return name + " (port " + port + ", " + (process.isAlive() ? "running" : "stopped") + ")";
  }

}
