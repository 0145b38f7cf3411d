package de.nrw.intervention.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.nrw.intervention.InterventionApplication;
import de.nrw.intervention.testsupport.PackagedApp;
import de.nrw.intervention.testsupport.TestPostgres;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark harness (issue 9), not a test: {@code ./mvnw -Pbench verify}. Sizes come from system properties
 * ({@code -Dbench.dv=...}); see BENCHMARKS.md. Prints a table and writes target/bench/results.json.
 */
public final class Benchmark {

  private static final Pattern TASK_LINK = Pattern.compile("task=([0-9a-fA-F-]{36})");

  private final int threads = Integer.getInteger("bench.threads", 8);
  private final int dvCases = Integer.getInteger("bench.dv", 160);
  private final int yoCases = Integer.getInteger("bench.yo", 80);
  private final int warmup = Integer.getInteger("bench.warmup", 20);
  private final List<Integer> inboxSizes = ints(System.getProperty("bench.inbox", "1000,10000,50000,100000"));
  /** The stock anchor (the engine's own task query SQL) per inbox size: samples and a time budget, it is slow. */
  private final int stockSamples = Integer.getInteger("bench.stock.samples", 10);
  private final int stockBudgetSeconds = Integer.getInteger("bench.stock.budget", 60);
  /** Above this many open tasks a single stock request takes longer than REST's 60 s timeout (50,000: timed out). */
  private final int stockMaxOpenTasks = Integer.getInteger("bench.stock.max", 10000);
  /** H2 is the single-node demo database; its list query takes seconds at 50,000 open tasks (BENCHMARKS.md). */
  private final List<Integer> h2InboxSizes = ints(System.getProperty("bench.h2.inbox", "1000,10000"));
  private final int inboxSamples = Integer.getInteger("bench.inbox.samples", 100);
  private final int drain = Integer.getInteger("bench.drain", 10000);
  private final int seedBase = Integer.getInteger("bench.seed.base", 2000);
  private final int drainTimeoutSec = Integer.getInteger("bench.drain.timeout", 300);
  private final List<String> databases = List.of(System.getProperty("bench.databases", "postgres,h2").split(","));
  private final List<String> appArgs = System.getProperty("bench.app.args", "").isBlank() ? List.of()
      : List.of(System.getProperty("bench.app.args").trim().split("\\s+"));
  private final String label = System.getProperty("bench.label", "default");
  /** {@code board}: only the deadline board scenario (issue 16); empty: everything, the board last. */
  private final String only = System.getProperty("bench.only", "");
  private final boolean board = Boolean.parseBoolean(System.getProperty("bench.board", "true"));

  private final ObjectNode results = RestCaseworkers.JSON.createObjectNode();
  private final List<String> table = new ArrayList<>();
  private GreenMail greenMail;
  private int smtpPort;

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Benchmark benchmark = new Benchmark();
    try {
      benchmark.run();
    } finally {
      benchmark.results.put("totalSeconds", (System.nanoTime() - start) / 1e9);
      benchmark.write();
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(Path.of("target", "bench"));
    results.put("label", label);
    results.put("startedAt", java.time.Instant.now().toString());
    results.put("nproc", Runtime.getRuntime().availableProcessors());
    results.put("loadAvgAtStart", loadAvg());
    results.put("memTotal", memTotal());
    ObjectNode sizes = results.putObject("sizes");
    sizes.put("threads", threads).put("dvCases", dvCases).put("yoCases", yoCases).put("warmupCases", warmup)
        .put("inbox", inboxSizes.toString()).put("h2Inbox", h2InboxSizes.toString()).put("inboxSamples", inboxSamples).put("drain", drain).put("seedBase", seedBase)
        .put("appArgs", String.join(" ", appArgs));
    log("sizes " + sizes);
    smtpPort = PackagedApp.freePort();
    greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    try {
      if (!only.equals("board")) {
        for (String database : databases) {
          runOn(database.trim());
          write(); // after each database, so a run cut short still leaves its figures
        }
      }
      if (board || only.equals("board")) {
        runBoard();
        write();
      }
    } finally {
      greenMail.stop();
      results.put("loadAvgAtEnd", loadAvg());
    }
  }

  private void runOn(String database) throws Exception {
    ObjectNode out = results.putObject(database);
    String appUrl;
    String floorUrl;
    String user;
    if (database.equals("postgres") && !System.getProperty("bench.postgres.url", "").isBlank()) {
      // An external server (e.g. Debian's, with pg_stat_statements and logging) for inspecting queries.
      appUrl = System.getProperty("bench.postgres.url");
      floorUrl = appUrl;
      user = System.getProperty("bench.postgres.user", TestPostgres.USER);
    } else if (database.equals("postgres")) {
      appUrl = TestPostgres.newDatabase();
      floorUrl = appUrl; // the engine floor shares the database: it also seeds the inbox and the reminders
      user = TestPostgres.USER;
    } else {
      Path dir = Path.of("target", "bench", "h2").toAbsolutePath();
      FileSystemUtils.deleteRecursively(dir);
      // AUTO_SERVER: the jar owns the file; the harness reaches it over H2's TCP server to seed the inbox.
      appUrl = "jdbc:h2:file:" + dir.resolve("app") + ";AUTO_SERVER=TRUE";
      floorUrl = "jdbc:h2:file:" + dir.resolve("floor") + ";DB_CLOSE_ON_EXIT=FALSE";
      user = "sa";
    }
    log(database + ": starting the packaged jar");
    try (BenchApp app = BenchApp.start("app-" + database, appUrl, user, smtpPort, appArgs)) {
      app.awaitReady();
      log(database + ": ready after " + app.readyMillis + " ms");
      out.put("startupMillis", app.readyMillis);
      table.add(row(database, "startup: time to ready (jar)", app.readyMillis / 1000.0, "s"));

      ConfigurableApplicationContext context = inProcess(floorUrl, user);
      try {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        if (!Boolean.getBoolean("bench.skipCaseload")) {
          caseload(database, out, app, engine);
        }
        app.gc();
        double heap = heapUsedMiB(app);
        double rss = app.rssMiB();
        out.put("heapAfterCaseloadMiB", heap).put("rssAfterCaseloadMiB", rss);
        table.add(row(database, "heap used after caseload (after full GC)", heap, "MiB"));
        table.add(row(database, "RSS after caseload", rss, "MiB"));
        if (!floorUrl.equals(appUrl)) {
          // H2: the floor had its own file; seeding the inbox and the reminders needs the app's database.
          context.close();
          context = inProcess(appUrl, user);
          engine = context.getBean(ProcessEngine.class);
        }
        inbox(database, out, app, engine, context.getBean(DataSource.class), appUrl, user);
        holdForInspection(database, appUrl);
        if (drain > 0) {
          drain(database, out, engine, context.getBean(DataSource.class));
        }
      } finally {
        context.close();
      }
    }
  }

  /**
   * The deadline board (issue 16) on a database of its own: its sizes (10,000 open, 100,000 completed tasks) are not
   * the inbox's, and PostgreSQL only, the production database the target is set for.
   */
  private void runBoard() throws Exception {
    ObjectNode out = results.has("postgres") ? (ObjectNode) results.get("postgres") : results.putObject("postgres");
    String url = System.getProperty("bench.postgres.url", "").isBlank() ? TestPostgres.newDatabase()
        : System.getProperty("bench.postgres.url");
    String user = System.getProperty("bench.postgres.user", TestPostgres.USER);
    log("board: starting the packaged jar on a fresh PostgreSQL database");
    try (BenchApp app = BenchApp.start("app-board", url, user, smtpPort, appArgs)) {
      app.awaitReady();
      ConfigurableApplicationContext context = inProcess(url, user);
      try {
        new BoardBench().run(out, table, app.base(), context.getBean(ProcessEngine.class),
            context.getBean(DataSource.class));
      } finally {
        context.close();
      }
    }
  }

  private ConfigurableApplicationContext inProcess(String url, String user) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", user);
    properties.put("spring.datasource.password", "");
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("management.endpoint.health.group.readiness.include", "readinessState,db");
    properties.put("intervention.reminders.demo-mail.enabled", "false");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", String.valueOf(smtpPort));
    properties.put("intervention.models.processes-dir", Path.of("processes").toAbsolutePath().toString());
    properties.put("intervention.models.forms-dir", Path.of("forms").toAbsolutePath().toString());
    properties.put("logging.level.de.nrw.intervention.operations.BusinessEvents", "warn");
    // Command-line arguments: they win over application.yaml (default properties would not).
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(InterventionApplication.class).profiles("demo").run(args);
  }

  // ---------------------------------------------------------------- 1. caseload

  private void caseload(String database, ObjectNode out, BenchApp app, ProcessEngine engine) throws InterruptedException {
    log(database + ": warm-up " + warmup + " cases each way");
    EngineCaseworkers floorWarm = new EngineCaseworkers(engine, new Stats());
    RestCaseworkers restWarm = new RestCaseworkers(app.base(), new Stats());
    drive(warmup, "WF" + database, c -> floorWarm.run(c));
    drive(warmup, "WR" + database, c -> restWarm.run(c));
    if (restWarm.stats.errors.get() > 0) {
      log("REST warm-up errors: " + restWarm.stats.errorSamples);
    }

    int total = dvCases + yoCases;
    EngineCaseworkers floor = new EngineCaseworkers(engine, new Stats());
    log(database + ": engine floor, " + total + " cases, " + threads + " threads");
    double[] floorRun = drive(total, "F" + database, c -> floor.run(c));
    RestCaseworkers rest = new RestCaseworkers(app.base(), new Stats());
    log(database + ": REST, " + total + " cases, " + threads + " threads");
    double[] restRun = drive(total, "R" + database, c -> rest.run(c));

    ObjectNode floorJson = report(out.putObject("caseloadFloor"), floor.stats, floorRun, total);
    ObjectNode restJson = report(out.putObject("caseloadRest"), rest.stats, restRun, total);
    double ratio = restJson.get("casesPerSecond").asDouble() / floorJson.get("casesPerSecond").asDouble();
    out.put("caseloadRatio", ratio);
    table.add(row(database, "caseload REST: cases/s (" + (int) restRun[1] + "/" + total + " ended)",
        restJson.get("casesPerSecond").asDouble(), "/s"));
    table.add(row(database, "caseload REST: requests/s", restJson.get("requestsPerSecond").asDouble(), "/s"));
    table.add(row(database, "caseload floor: cases/s (" + (int) floorRun[1] + "/" + total + " ended)",
        floorJson.get("casesPerSecond").asDouble(), "/s"));
    table.add(row(database, "caseload floor: API calls/s", floorJson.get("requestsPerSecond").asDouble(), "/s"));
    table.add(row(database, "caseload ratio ours/floor (cases/s)", ratio, ""));
    perType(database, "REST", rest.stats);
    perType(database, "floor", floor.stats);
    if (rest.stats.errors.get() > 0) {
      log("REST errors (" + rest.stats.errors.get() + "): " + rest.stats.errorSamples);
    }
    if (floor.stats.errors.get() > 0) {
      log("floor errors (" + floor.stats.errors.get() + "): " + floor.stats.errorSamples);
    }
  }

  /** Runs cases 0..count-1 on the thread pool; returns {seconds, ended}. */
  private double[] drive(int count, String run, Predicate<Caseload.Case> worker) throws InterruptedException {
    int dvShare = (int) Math.round(count * (dvCases / (double) Math.max(1, dvCases + yoCases)));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          try {
            if (worker.test(Caseload.caseNumber(run, i, dvShare))) {
              ended.incrementAndGet();
            }
          } catch (RuntimeException e) {
            log("case " + i + " failed: " + e);
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    return new double[] {(System.nanoTime() - start) / 1e9, ended.get()};
  }

  private static ObjectNode report(ObjectNode json, Stats stats, double[] run, int total) {
    json.put("cases", total).put("ended", (int) run[1]).put("seconds", run[0])
        .put("casesPerSecond", run[1] / run[0]).put("requests", stats.requests())
        .put("requestsPerSecond", stats.requests() / run[0]).put("errors", stats.errors.get());
    ArrayNode samples = json.putArray("errorSamples");
    stats.errorSamples.forEach(samples::add);
    ObjectNode types = json.putObject("latencyMs");
    stats.summary().forEach((type, p) -> types.putObject(type).put("count", (long) p[0]).put("p50", p[1])
        .put("p95", p[2]).put("p99", p[3]).put("max", p[4]));
    return json;
  }

  private void perType(String database, String what, Stats stats) {
    stats.summary().forEach((type, p) -> table.add(String.format(Locale.ROOT, "| %s | %s %s p50/p95/p99 (n=%d) | %.1f / %.1f / %.1f ms |",
        database, what, type, (long) p[0], p[1], p[2], p[3])));
  }

  // ---------------------------------------------------------------- 2. inbox

  private void inbox(String database, ObjectNode out, BenchApp app, ProcessEngine engine, DataSource dataSource,
      String appUrl, String dbUser) throws Exception {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("benchuser").count() == 0) {
      User user = identity.newUser("benchuser");
      user.setFirstName("Bench");
      user.setLastName("User");
      user.setEmail("benchuser@koeln.example");
      user.setPassword(RestCaseworkers.BENCH_PASSWORD);
      identity.saveUser(user);
      for (String group : List.of("policeKoeln", "youthWelfareKoeln", "counsellingKoeln", "schoolKoeln")) {
        identity.createMembership("benchuser", group);
      }
    }
    RestCaseworkers client = new RestCaseworkers(app.base(), new Stats());
    RestCaseworkers.Response filters = client.call("benchuser", "GET",
        "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50", null, null);
    String filterId = null;
    for (JsonNode filter : filters.json()) {
      if (filter.get("name").asText().equals("Offene Aufgaben meiner Stelle")) {
        filterId = filter.get("id").asText();
      }
    }
    if (filterId == null) {
      throw new IllegalStateException("Filter \"Offene Aufgaben meiner Stelle\" not visible to benchuser: " + filters.status() + " "
          + filters.body());
    }
    // The stock anchor: a second jar on the same database running the engine's own task query SQL, asked the same.
    List<String> stockArgs = new ArrayList<>(appArgs);
    stockArgs.add("--intervention.inbox.exists-authorization-check=false");
    // Only answers the anchor's requests: no job executor, no gauges. Otherwise it runs them against the same
    // database during our measurement (on H2 inside the app's JVM, which serves the file to the second process:
    // its open-task gauge alone took 155 ms every 30 s), and the H2 list p95 at 10,000 came out 141 ms, 35 ms without.
    stockArgs.addAll(List.of("--camunda.bpm.job-execution.enabled=false",
        "--management.endpoint.health.group.readiness.include=readinessState,db",
        "--intervention.operations.metrics-refresh-interval=24h"));
    BenchApp stockApp = stockSamples > 0 ? BenchApp.start("app-" + database + "-stock", appUrl, dbUser, smtpPort, stockArgs)
        : null;
    try {
      if (stockApp != null) {
        stockApp.awaitReady();
      }
      ArrayNode levels = out.putArray("inbox");
      AtomicInteger seeded = new AtomicInteger();
      for (int size : database.equals("h2") ? h2InboxSizes : inboxSizes) {
        long seedStart = System.nanoTime();
        seedTasks(engine, dataSource, size, seeded);
        if (engine.getTaskService().createTaskQuery().count() < size) {
          seedTasks(engine, dataSource, size, seeded);
        }
        long open = engine.getTaskService().createTaskQuery().count();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        log(database + ": " + open + " open tasks (seeded in " + Math.round(seedSeconds) + " s); measuring the inbox");
        ObjectNode level = levels.addObject();
        // The first size is the first time the app answers filter requests: its code is still interpreted, so it
        // gets more warm-up than the later sizes (20 pairs left the 1,000 p95 at twice its p50).
        int inboxWarmup = levels.size() == 1 ? 100 : 20;
        InboxRun ours = measureInbox(client, filterId, inboxWarmup, inboxSamples, Integer.MAX_VALUE);
        level.put("openTasks", open).put("visibleToUser", ours.visible).put("seedSeconds", seedSeconds)
            .put("errors", ours.stats.errors.get());
        putPercentiles(level, ours.stats);
        for (Map.Entry<String, double[]> e : ours.stats.summary().entrySet()) {
          double[] p = e.getValue();
          table.add(String.format(Locale.ROOT, "| %s | inbox %s, %d open tasks (%d visible) p50/p95/p99 | %.1f / %.1f / %.1f ms |",
              database, e.getKey(), open, ours.visible, p[1], p[2], p[3]));
        }
        if (ours.stats.errors.get() > 0) {
          log("inbox errors: " + ours.stats.errorSamples);
        }
        if (stockApp != null && open <= stockMaxOpenTasks) {
          log(database + ": the same through the engine's own SQL (stock anchor)");
          InboxRun stock = measureInbox(new RestCaseworkers(stockApp.base(), new Stats()), filterId, 2, stockSamples,
              stockBudgetSeconds);
          ObjectNode anchor = level.putObject("stock");
          anchor.put("visibleToUser", stock.visible).put("errors", stock.stats.errors.get());
          putPercentiles(anchor, stock.stats);
          for (Map.Entry<String, double[]> e : stock.stats.summary().entrySet()) {
            double[] p = e.getValue();
            double oursP95 = ours.stats.summary().getOrDefault(e.getKey(), new double[5])[2];
            table.add(String.format(Locale.ROOT, "| %s | inbox %s, %d open tasks, stock SQL p50/p95 (n=%d) and ours/stock | "
                + "%.1f / %.1f ms, ratio %.2f |", database, e.getKey(), open, (long) p[0], p[1], p[2],
                p[2] == 0 ? 0 : oursP95 / p[2]));
          }
        }
      }
    } finally {
      if (stockApp != null) {
        stockApp.close();
      }
    }
  }

  private record InboxRun(Stats stats, long visible) {
  }

  /**
   * What Tasklist sends for the shared filter "Offene Aufgaben meiner Stelle": the first page (HAL, which includes
   * the count and the card variables) and the count, sorted by creation time, newest first. Stops sampling after
   * {@code budgetSeconds} (the stock anchor takes seconds per request at 50,000 open tasks).
   */
  private InboxRun measureInbox(RestCaseworkers client, String filterId, int warmup, int samples, int budgetSeconds) {
    String body = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    Stats stats = new Stats();
    long visible = -1;
    long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
    for (int i = 0; i < samples + warmup && (budgetSeconds == Integer.MAX_VALUE || System.nanoTime() < deadline); i++) {
      Stats target = i < warmup ? new Stats() : stats;
      RestCaseworkers.Response list = target.time("list", () -> client.call("benchuser", "POST",
          "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", body, "application/hal+json"));
      RestCaseworkers.Response count = target.time("count", () -> client.call("benchuser", "POST",
          "/engine-rest/filter/" + filterId + "/count", body, null));
      if (!list.ok() || !count.ok()) {
        stats.error("inbox " + list.status() + " " + count.status() + " " + count.body());
      } else {
        visible = count.json().get("count").asLong();
      }
    }
    return new InboxRun(stats, visible);
  }

  private static void putPercentiles(ObjectNode node, Stats stats) {
    stats.summary().forEach((type, p) -> node.putObject(type).put("count", (long) p[0]).put("p50", p[1])
        .put("p95", p[2]).put("p99", p[3]).put("max", p[4]));
  }

  /**
   * With -Dbench.hold=true the harness keeps the seeded database and the app running until
   * target/bench/release exists, so the inbox query can be inspected (psql, EXPLAIN ANALYZE).
   */
  private static void holdForInspection(String database, String url) throws InterruptedException {
    if (!Boolean.getBoolean("bench.hold")) {
      return;
    }
    Path release = Path.of("target", "bench", "release");
    log(database + ": holding for inspection at " + url + " until " + release.toAbsolutePath() + " exists");
    while (!Files.exists(release)) {
      Thread.sleep(1000);
    }
  }

  /**
   * Opens tasks through the engine's Java API (real processes, so real candidate groups, authorizations and
   * deadline jobs): domestic-violence cases with counselling and children (counselling + Jugendamt task) or with
   * a return ban (police + counselling task), alternating Köln and Bonn.
   */
  private void seedTasks(ProcessEngine engine, DataSource dataSource, int target, AtomicInteger seeded) throws Exception {
    long open = engine.getTaskService().createTaskQuery().count();
    if (open >= seedBase && open < target) {
      copyTasks(dataSource, open, target);
      return;
    }
    target = Math.min(target, seedBase);
    int cases = (int) Math.max(0, (target - open + 1) / 2);
    startCases(engine, cases, "SEED-", i -> seeded.incrementAndGet(), n -> n % 4 < 2 ? "koeln" : "bonn");
    // As after the copies: statistics as the database's own analysis keeps them in a running installation. Without
    // it the first size was measured with the statistics of the nearly empty tables (PostgreSQL list p50 at 1,000
    // open tasks 116 ms, at 10,000 after ANALYZE 40 ms).
    try (Connection connection = dataSource.getConnection(); java.sql.Statement st = connection.createStatement()) {
      st.execute("ANALYZE");
    }
  }

  /**
   * Starts domestic-violence cases through the engine's Java API on 4 threads: counselling + children (counselling
   * and Jugendamt task) or return ban (police and counselling task), so real candidate groups, task grants, per-case
   * grants and deadline jobs.
   */
  static void startCases(ProcessEngine engine, int cases, String prefix, java.util.function.IntUnaryOperator number,
      java.util.function.IntFunction<String> district) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
          int n = number.applyAsInt(i);
          Caseload.Path path = n % 2 == 0 ? Caseload.Path.DV_COUNSELLING_CHILDREN : Caseload.Path.DV_BAN_COURT;
          Caseload.Case c = new Caseload.Case(n, Caseload.DV, path, prefix + n);
          Map<String, Object> variables = new LinkedHashMap<>(Caseload.startVariables(c));
          variables.put("district", district.apply(n));
          try {
            engine.getRuntimeService().startProcessInstanceByKey(Caseload.DV, c.businessKey(), variables);
          } catch (RuntimeException e) {
            log(prefix + n + " failed: " + e);
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
  }

  /**
   * Beyond {@code bench.seed.base} real tasks, copies the real open tasks in SQL (PostgreSQL): each copy keeps the
   * original's execution, process instance, candidate groups (identity links) and task authorizations, under a
   * new id ending in {@code _x<k>}. Copies have no deadline jobs. Fast, and the query sees the same row shapes.
   */
  static void copyTasks(DataSource dataSource, long open, int target) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      long base;
      try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM ACT_RU_TASK WHERE " + ORIGINAL);
          ResultSet rows = count.executeQuery()) {
        rows.next();
        base = rows.getLong(1);
      }
      long have = open;
      int k = 1;
      while (have < target) {
        String suffix = "'_x" + k + "'";
        long limit = Math.min(base, target - have);
        try (java.sql.Statement st = connection.createStatement()) {
          st.execute("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS bench_pick (id varchar(64))");
          st.execute("TRUNCATE TABLE bench_pick");
          st.execute("INSERT INTO bench_pick SELECT ID_ FROM ACT_RU_TASK WHERE " + ORIGINAL + " ORDER BY ID_ LIMIT " + limit);
          st.execute("DELETE FROM bench_pick p WHERE EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.ID_ = p.id || " + suffix + ")");
          st.execute(copy(connection, "ACT_RU_TASK", Map.of("ID_", "ID_ || " + suffix),
              "ID_ IN (SELECT id FROM bench_pick)"));
          st.execute(copy(connection, "ACT_RU_IDENTITYLINK", Map.of("ID_", "ID_ || " + suffix, "TASK_ID_", "TASK_ID_ || " + suffix),
              "TASK_ID_ IN (SELECT id FROM bench_pick)"));
          st.execute(copy(connection, "ACT_RU_AUTHORIZATION", Map.of("ID_", "ID_ || " + suffix, "RESOURCE_ID_", "RESOURCE_ID_ || " + suffix),
              "RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ IN (SELECT id FROM bench_pick)"));
        }
        connection.commit();
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM ACT_RU_TASK");
            ResultSet rows = count.executeQuery()) {
          rows.next();
          have = rows.getLong(1);
        }
        k++;
      }
      try (java.sql.Statement st = connection.createStatement()) {
        st.execute("ANALYZE");
      }
      connection.commit();
    }
  }

  /** Tasks that are not copies (PostgreSQL and H2 SQL). */
  private static final String ORIGINAL = "ID_ NOT LIKE '%#_x%' ESCAPE '#'";

  private static String copy(Connection connection, String table, Map<String, String> replace, String where) throws Exception {
    List<String> columns = new ArrayList<>();
    try (java.sql.Statement st = connection.createStatement();
        ResultSet rows = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      java.sql.ResultSetMetaData meta = rows.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toUpperCase(Locale.ROOT));
      }
    }
    String select = columns.stream().map(c -> replace.getOrDefault(c, c)).reduce((a, b) -> a + ", " + b).orElseThrow();
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM " + table + " WHERE " + where;
  }

  // ---------------------------------------------------------------- 3. reminder drain

  private void drain(String database, ObjectNode out, ProcessEngine engine, DataSource dataSource) throws Exception {
    topUpKoelnReminders(database, engine, dataSource);
    greenMail.purgeEmailFromAllMailboxes();
    Set<String> expected = new HashSet<>();
    List<String> jobIds = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        // Köln cases: every Köln agency group has demo members with an email address (Bonn's have none but police).
        PreparedStatement select = connection.prepareStatement("SELECT j.ID_, j.HANDLER_CFG_ FROM ACT_RU_JOB j "
            + "JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = j.PROCESS_INSTANCE_ID_ AND v.NAME_ = 'district' AND v.TEXT_ = 'koeln' "
            + "WHERE j.HANDLER_TYPE_ = 'task-deadline' AND j.HANDLER_CFG_ LIKE 'REMINDER|%' ORDER BY j.ID_ LIMIT ?")) {
      select.setInt(1, drain);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          jobIds.add(rows.getString(1));
          expected.add(rows.getString(2).split("\\|")[1]);
        }
      }
    }
    log(database + ": " + jobIds.size() + " reminders made due at once");
    long start;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?")) {
      connection.setAutoCommit(false);
      Timestamp now = new Timestamp(System.currentTimeMillis() - 1000);
      for (String id : jobIds) {
        update.setTimestamp(1, now);
        update.setString(2, id);
        update.addBatch();
      }
      update.executeBatch();
      start = System.nanoTime();
      connection.commit();
    }
    final long started = start;
    Map<String, Set<String>> messagesByTask = new HashMap<>();
    Set<String> parsed = new HashSet<>();
    int seenCopies = 0;
    double firstMail = -1;
    long lastNew = System.nanoTime();
    double drainSeconds = -1;
    long deadline = started + TimeUnit.SECONDS.toNanos(drainTimeoutSec);
    while (System.nanoTime() < deadline) {
      // getReceivedMessages() lists mailbox by mailbox, so new copies are not only at the end: look at all,
      // parse each Message-ID once.
      MimeMessage[] received = greenMail.getReceivedMessages();
      collect(received, parsed, messagesByTask);
      seenCopies = received.length;
      if (firstMail < 0 && seenCopies > 0) {
        firstMail = (System.nanoTime() - started) / 1e9;
      }
      long delivered = expected.stream().filter(messagesByTask::containsKey).count();
      if (delivered == expected.size()) {
        drainSeconds = (System.nanoTime() - start) / 1e9;
        break;
      }
      Thread.sleep(500);
    }
    if (drainSeconds < 0) {
      drainSeconds = (System.nanoTime() - start) / 1e9;
    }
    Thread.sleep(5000); // late duplicates
    MimeMessage[] received = greenMail.getReceivedMessages();
    collect(received, parsed, messagesByTask);
    long undelivered = expected.stream().filter(id -> !messagesByTask.containsKey(id)).count();
    // Not delivered yet is not lost: a reminder job still in the table will run later.
    long pending = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = ?")) {
      for (String id : jobIds) {
        count.setString(1, id);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          pending += rows.getLong(1);
        }
      }
    }
    long lost = Math.max(0, undelivered - pending);
    long duplicates = 0;
    for (String id : expected) {
      duplicates += Math.max(0, messagesByTask.getOrDefault(id, Set.of()).size() - 1);
    }
    long unexpected = messagesByTask.keySet().stream().filter(id -> !expected.contains(id)).count();
    double rate = (expected.size() - undelivered) / drainSeconds;
    out.putObject("drain").put("reminders", expected.size()).put("seconds", drainSeconds).put("perSecond", rate)
        .put("firstMailSeconds", firstMail)
        .put("perSecondAfterFirstMail", (expected.size() - undelivered) / Math.max(0.001, drainSeconds - firstMail))
        .put("delivered", expected.size() - undelivered).put("pendingAtTimeout", pending)
        .put("duplicates", duplicates).put("lost", lost).put("otherMails", unexpected)
        .put("mailCopies", received.length).put("timedOut", undelivered > 0).put("timeoutSeconds", drainTimeoutSec);
    table.add(row(database, "reminder drain: " + expected.size() + " due at once, delivered " + (expected.size() - undelivered)
        + (undelivered > 0 ? " (timeout, " + pending + " jobs still pending)" : "") + ", seconds", drainSeconds, "s"));
    table.add(row(database, "reminder drain: reminders/s (from due)", rate, "/s"));
    table.add(row(database, "reminder drain: first mail after (job acquisition idle wait)", firstMail, "s"));
    table.add(row(database, "reminder drain: reminders/s from the first mail", (expected.size() - undelivered)
        / Math.max(0.001, drainSeconds - firstMail), "/s"));
    table.add(row(database, "reminder drain: duplicates / lost", duplicates, " / " + lost));
  }

  /** Köln reminder jobs of real seeded tasks (SQL copies of tasks have no deadline jobs). */
  private static int koelnReminderJobs(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM ACT_RU_JOB j "
            + "JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = j.PROCESS_INSTANCE_ID_ AND v.NAME_ = 'district' AND v.TEXT_ = 'koeln' "
            + "WHERE j.HANDLER_TYPE_ = 'task-deadline' AND j.HANDLER_CFG_ LIKE 'REMINDER|%'");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * The inbox seeds at most bench.seed.base real tasks, half of them Köln: a drain larger than that gets further real
   * Köln cases (two tasks with deadline jobs each) through the in-process engine, started like the inbox's seed.
   */
  private void topUpKoelnReminders(String database, ProcessEngine engine, DataSource dataSource) throws Exception {
    int missing = drain - koelnReminderJobs(dataSource);
    if (missing <= 0) {
      return;
    }
    int cases = (missing + 1) / 2;
    log(database + ": starting " + cases + " more Köln cases for " + missing + " more reminder jobs");
    long begin = System.nanoTime();
    startCases(engine, cases, "DRAIN-", i -> 1_000_000 + i, n -> "koeln");
    log(database + ": " + koelnReminderJobs(dataSource) + " Köln reminder jobs after "
        + Math.round((System.nanoTime() - begin) / 1e9) + " s");
  }

  private static void collect(MimeMessage[] received, Set<String> parsed, Map<String, Set<String>> messagesByTask)
      throws Exception {
    for (MimeMessage message : received) {
      String messageId = message.getMessageID();
      if (parsed.add(messageId)) {
        messagesByTask.computeIfAbsent(taskId(message), k -> new HashSet<>()).add(messageId);
      }
    }
  }

  private static String taskId(MimeMessage message) {
    try {
      // Raw source with quoted-printable soft line breaks and "=3D" undone: robust against any part structure.
      String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message)
          .replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
      Matcher matcher = TASK_LINK.matcher(raw);
      if (!matcher.find()) {
        matcher = TASK_LINK.matcher(text(message));
      }
      return matcher.find() ? matcher.group(1) : "?";
    } catch (Exception e) {
      return "?";
    }
  }

  private static String text(Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        all.append(text(body));
      }
      return all.toString();
    }
    return "";
  }

  // ---------------------------------------------------------------- output

  private static double heapUsedMiB(BenchApp app) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(app.process.pid()), "GC.heap_info").redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor(30, TimeUnit.SECONDS);
    Matcher used = Pattern.compile("used (\\d+)K").matcher(output);
    return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
  }

  private void write() throws IOException {
    Files.createDirectories(Path.of("target", "bench"));
    Path file = Path.of("target", "bench", "results" + (label.equals("default") ? "" : "-" + label) + ".json");
    Files.writeString(file, RestCaseworkers.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    StringBuilder text = new StringBuilder("\n| db | measure | value |\n|---|---|---|\n");
    table.forEach(line -> text.append(line).append('\n'));
    Files.writeString(Path.of("target", "bench", "results" + (label.equals("default") ? "" : "-" + label) + ".md"), text);
    System.out.println(text);
    System.out.println("Figures: " + file.toAbsolutePath());
  }

  private static String row(String database, String measure, double value, String unit) {
    return String.format(Locale.ROOT, "| %s | %s | %.2f %s |", database, measure, value, unit);
  }

  private static String loadAvg() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "?";
    }
  }

  private static List<Integer> ints(String csv) {
    return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }

  static void log(String line) {
    System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
  }
}
