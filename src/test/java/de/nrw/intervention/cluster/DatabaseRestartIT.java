package de.nrw.intervention.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.nrw.intervention.security.Api;
import de.nrw.intervention.testsupport.PackagedApp;
import de.nrw.intervention.testsupport.RestartablePostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

/**
 * PostgreSQL stopped for 30 s under a running node while 8 caseworkers start and look up cases, through both REST
 * mounts, and reminders fall due: the node stays up, readiness goes DOWN and back UP, requests during the outage answer
 * 503 with a German message (never 500, never a stack trace), no case is half-created, and every reminder that fell
 * due during the outage is sent exactly once after it, without anyone doing anything.
 */
class DatabaseRestartIT {

  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final int CASEWORKERS = 8;
  private static final int REMINDER_CASES = 40;
  private static final String DATABASE = "intervention";
  private static final String START = "/process-definition/key/domestic-violence-intervention/start";
  private static final Pattern TASK_LINK = Pattern.compile("task=([0-9a-f-]{36})");

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private RestartablePostgres postgres;
  private AppNode node;

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void postgresStoppedFor30s_nodeAnswers503_thenRecoversByItself_nothingHalfDone_remindersOnce() throws Exception {
    postgres = RestartablePostgres.startFresh(Path.of("target", "db-restart-postgres").toAbsolutePath());
    node = AppNode.start("db-restart", postgres.newDatabase(DATABASE),
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + greenMail.getSmtp().getPort(),
        "--intervention.reminders.demo-mail.enabled=false",
        "--intervention.reminders.locale=en").awaitReady();

    // These cases' reminders (reminderLead PT12H before a due date 3 days after the order) fall due during the outage:
    // it starts 25 s before they are due, or later if creating the cases took long (a loaded machine), but at least
    // 5 s before they are due.
    Instant remindersDue = Instant.now().plusSeconds(50);
    OffsetDateTime ordered = remindersDue.plus(Duration.ofHours(12)).minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC);
    for (int i = 1; i <= REMINDER_CASES; i++) {
      assertThat(node.startBanCase("KOE-DBR-R" + i, ordered.toString())).isEqualTo(HttpStatus.OK);
    }
    Instant outageStarts = latest(Instant.now().plusSeconds(8), remindersDue.minusSeconds(25));
    assertThat(outageStarts).as("reminder cases created in time for their reminders to fall due in the outage")
        .isBefore(remindersDue.minusSeconds(5));

    Readiness readiness = new Readiness(node);
    Caseworkers caseworkers = new Caseworkers(node, CASEWORKERS);
    ExecutorService threads = Executors.newFixedThreadPool(CASEWORKERS + 1);
    threads.submit(readiness);
    for (int i = 0; i < CASEWORKERS; i++) {
      int caseworker = i;
      threads.submit(() -> caseworkers.work(caseworker));
    }

    sleepUntil(outageStarts);
    caseworkers.phase.set("outage");
    postgres.stop();
    Instant stopped = Instant.now();
    sleepUntil(stopped.plus(OUTAGE));
    postgres.start();
    Instant restarted = Instant.now();
    caseworkers.phase.set("after");
    Awaitility.await("readiness UP again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> node.status("/actuator/health/readiness") == 200);
    Instant ready = Instant.now();
    sleepUntil(ready.plusSeconds(10)); // caseworkers go on after the recovery
    caseworkers.running.set(false);
    readiness.running.set(false);
    threads.shutdown();
    assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    Awaitility.await("reminders sent after the recovery").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500)).until(() -> greenMail.getReceivedMessages().length >= REMINDER_CASES);
    // Once no reminder job is left, every one has committed and none can send again.
    Awaitility.await("reminder jobs ended").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> reminderJobsLeft(postgres) == 0);
    Map<String, Long> perTask = Arrays.stream(greenMail.getReceivedMessages())
        .collect(Collectors.groupingBy(DatabaseRestartIT::task, Collectors.counting()));
    long duplicates = greenMail.getReceivedMessages().length - perTask.size();
    CaseCheck cases = CaseCheck.of(postgres, caseworkers.answeredOk.keySet());

    System.out.printf("DB-RESTART: PostgreSQL stopped %s for %d s, ready again %d ms after its restart; "
            + "readiness %s; requests by phase and status %s; %s; reminders due during the outage %d, sent %d, "
            + "duplicates %d%n",
        stopped, Duration.between(stopped, restarted).toSeconds(), Duration.between(restarted, ready).toMillis(),
        readiness.transitions, caseworkers.statuses, cases, REMINDER_CASES, perTask.size(), duplicates);
    caseworkers.badAnswers.forEach(bad -> System.out.println("DB-RESTART bad answer: " + bad));
    List<String> nodeLog = Files.readAllLines(AppNode.logFile(node.name));
    if (!caseworkers.badAnswers.isEmpty()) {
      printServerSideCauses(nodeLog);
    }
    // 503s whose cause named no outage, answered because the connection check failed (DatabaseUnavailable).
    nodeLog.stream()
        .filter(line -> line.contains("does not answer a connection check"))
        .map(line -> line.substring(line.indexOf("answered 503")))
        .distinct().forEach(line -> System.out.println("DB-RESTART by connection check: " + line));

    assertThat(node.status("/actuator/health/liveness")).as("the node stayed up").isEqualTo(200);
    assertThat(readiness.transitions.values()).as("readiness went DOWN and came back").contains(503)
        .last().isEqualTo(200);
    assertThat(caseworkers.statuses.get("outage")).as("answers during the outage").containsKey(503);
    assertThat(caseworkers.badAnswers).as("answers other than 2xx/503-with-message, or with an exception text").isEmpty();
    assertThat(caseworkers.statuses.get("after")).as("answers after the recovery").containsKey(200);
    assertThat(cases.halfCreated).as("cases half-created").isZero();
    assertThat(cases.missing).as("cases answered 200 but not in the database").isZero();
    assertThat(perTask).hasSize(REMINDER_CASES).allSatisfy((task, count) -> assertThat(count).as(task).isOne());
  }

  /** Polls readiness every 200 ms and keeps each change of its status, by time. */
  private static final class Readiness implements Runnable {
    final Map<Instant, Integer> transitions = Collections.synchronizedMap(new TreeMap<>());
    final AtomicBoolean running = new AtomicBoolean(true);
    private final AppNode node;

    Readiness(AppNode node) {
      this.node = node;
    }

    @Override
    public void run() {
      int last = 0;
      while (running.get()) {
        int status = node.status("/actuator/health/readiness");
        if (status != last) {
          transitions.put(Instant.now(), status);
          last = status;
        }
        pause(200);
      }
    }
  }

  /**
   * Caseworkers start cases and look up their tasks; half through {@code /engine-rest} (HTTP Basic), half through the
   * web apps' {@code /camunda/api/engine} with a Tasklist session.
   */
  private static final class Caseworkers {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicReference<String> phase = new AtomicReference<>("before");
    final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
    final Map<String, Boolean> answeredOk = new ConcurrentHashMap<>();
    final List<String> badAnswers = Collections.synchronizedList(new ArrayList<>());
    private final AppNode node;
    private final Api[] clients;
    private final AtomicInteger cases = new AtomicInteger();

    Caseworkers(AppNode node, int count) {
      this.node = node;
      this.clients = new Api[count];
      for (int i = 0; i < count; i++) {
        clients[i] = i % 2 == 0 ? new Api(node.port) : new Api(node.port).webLogin("officer");
      }
    }

    void work(int caseworker) {
      boolean web = caseworker % 2 == 1;
      String mount = web ? "/camunda/api/engine/engine/default" : "/engine-rest";
      while (running.get()) {
        String reference = "KOE-DBR-" + cases.incrementAndGet();
        String at = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Map<String, Object> body = Map.of("businessKey", reference, "variables", Map.of(
            "caseReference", AppNode.typed(reference, "String"),
            "district", AppNode.typed("koeln", "String"),
            "operationDateTime", AppNode.typed(at, "String"),
            "expulsionOrderIssued", AppNode.typed(true, "Boolean"),
            "expulsionOrderDateTime", AppNode.typed(at, "String"),
            "childCount", AppNode.typed(0, "Long"),
            "victimConsentsToCounselling", AppNode.typed(false, "Boolean")));
        Api client = clients[caseworker];
        int started = call("start " + mount, () -> web ? client.sessionPost(mount + START, body)
            : client.post("officer", mount + START, body));
        if (started == 200) {
          answeredOk.put(reference, true);
        }
        call("tasks " + mount, () -> client.get(web ? null : "officer",
            mount + "/task?processInstanceBusinessKey=" + reference + "&firstResult=0&maxResults=10"));
        pause(100);
      }
    }

    /** The status; -1 when no answer came at all (connection refused or reset), which counts as a bad answer. */
    private int call(String request, Supplier<Api.Response> send) {
      String currentPhase = phase.get();
      try {
        Api.Response response = send.get();
        record(currentPhase, request, response);
        return response.status();
      } catch (RuntimeException e) {
        statuses.computeIfAbsent(currentPhase, p -> new ConcurrentHashMap<>())
            .computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
        badAnswers.add(currentPhase + " " + request + " -> no answer: " + e);
        return -1;
      }
    }

    private void record(String phase, String request, Api.Response response) {
      statuses.computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
          .computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
      boolean fine = response.status() / 100 == 2
          || response.status() == 503 && response.body().contains("Datenbank") && "30".equals(response.header("Retry-After"));
      if (!fine || response.body().contains("Exception") || response.body().contains("\tat ")) {
        badAnswers.add(phase + " " + request + " -> " + response.status() + " " + abbreviate(response.body()));
      }
    }

    private static String abbreviate(String body) {
      return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
  }

  /**
   * Every case the caseworkers started, read from the database: a half-created case is a process instance without
   * its open task, or a history entry of a running case without its runtime instance.
   */
  private record CaseCheck(int instances, int halfCreated, int missing) {

    static CaseCheck of(RestartablePostgres postgres, Set<String> answeredOk) throws Exception {
      Map<String, Integer> tasksPerCase = new HashMap<>();
      int halfInHistory;
      try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
        try (ResultSet rows = statement.executeQuery("SELECT e.BUSINESS_KEY_, (SELECT COUNT(*) FROM ACT_RU_TASK t "
            + "WHERE t.PROC_INST_ID_ = e.ID_) FROM ACT_RU_EXECUTION e WHERE e.PARENT_ID_ IS NULL "
            + "AND e.BUSINESS_KEY_ LIKE 'KOE-DBR-%'")) {
          while (rows.next()) {
            tasksPerCase.put(rows.getString(1), rows.getInt(2));
          }
        }
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ACT_HI_PROCINST h WHERE h.END_TIME_ IS NULL "
            + "AND h.BUSINESS_KEY_ LIKE 'KOE-DBR-%' AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e "
            + "WHERE e.PROC_INST_ID_ = h.PROC_INST_ID_)")) {
          rows.next();
          halfInHistory = rows.getInt(1);
        }
      }
      int withoutTask = (int) tasksPerCase.values().stream().filter(tasks -> tasks != 1).count();
      int missing = (int) answeredOk.stream().filter(reference -> !tasksPerCase.containsKey(reference)).count();
      return new CaseCheck(tasksPerCase.size(), withoutTask + halfInHistory, missing);
    }

    @Override
    public String toString() {
      return "cases in the database " + instances + ", half-created " + halfCreated + ", answered 200 but missing "
          + missing;
    }
  }

  /** Reminder jobs due by now (the caseworkers' own cases have theirs days ahead). */
  private static int reminderJobsLeft(RestartablePostgres postgres) throws Exception {
    try (Connection connection = postgres.connect(DATABASE); PreparedStatement query = connection.prepareStatement(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_CFG_ LIKE 'REMINDER|%' AND DUEDATE_ < ?")) {
      query.setTimestamp(1, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /**
   * What the node logged for its 5xx answers (Camunda's REST layer logs each with its stack): the exception lines and
   * their causes, so that a failure on CI names the cause without the node's log file.
   */
  private static void printServerSideCauses(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("ENGINE-REST-HTTP5")) {
        System.out.println("DB-RESTART node: " + lines.get(i));
        for (int j = i + 1; j < lines.size() && j < i + 600 && !lines.get(j).matches("^\\d{4}-\\d\\d-\\d\\dT.*"); j++) {
          String line = lines.get(j);
          if (!line.startsWith("\tat ") && !line.startsWith("\t...") && !line.isBlank()) {
            System.out.println("DB-RESTART node:   " + line);
          }
        }
      }
    }
  }

  private static String task(MimeMessage message) {
    try {
      Matcher link = TASK_LINK.matcher(GreenMailUtil.getBody(message));
      return message.getSubject().split(":")[0] + "/" + (link.find() ? link.group(1) : "?");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void sleepUntil(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try {
      return PackagedApp.freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
