package de.nrw.intervention.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Issue 16: the supervisors' deadline board in Cockpit, as the Köln supervisor's browser asks for it (session login,
 * {@code GET .../board?district=koeln}), at {@code bench.board.open} open tasks (default 10,000) and
 * {@code bench.board.completed} completed tasks in history (default 100,000), all of Köln, on PostgreSQL.
 *
 * <p>Open tasks: {@code bench.board.real} real cases (two tasks each, with grants, identity links and deadline jobs)
 * through the engine, then SQL copies of their tasks ({@link Benchmark#copyTasks}), due dates spread from 3 days
 * overdue to 7 days ahead. History: the engine would need hours for 100,000 completed tasks, so the rows are
 * bulk-inserted in SQL as the engine writes them for a completed case: historic case with its supervisors' grant,
 * historic tasks with due dates (about half completed late), their candidate group, and the deadline jobs' job log
 * (created, then run or deleted), spread over the last 12 months.
 */
final class BoardBench {

  static final String BOARD = "/camunda/api/cockpit/plugin/intervention-deadline-board/default/board?district=koeln";
  private static final String CSV = "/camunda/api/cockpit/plugin/intervention-deadline-board/default/board/csv?district=koeln";

  private final int open = Integer.getInteger("bench.board.open", 10_000);
  private final int completed = Integer.getInteger("bench.board.completed", 100_000);
  private final int realCases = Integer.getInteger("bench.board.real", 500);
  private final int samples = Integer.getInteger("bench.board.samples", 100);

  void run(ObjectNode out, List<String> table, String baseUrl, ProcessEngine engine, DataSource dataSource)
      throws Exception {
    long seedStart = System.nanoTime();
    Benchmark.startCases(engine, realCases, "BOARD-", i -> i, n -> "koeln");
    long openNow = engine.getTaskService().createTaskQuery().count();
    if (openNow < open) {
      Benchmark.copyTasks(dataSource, openNow, open);
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      spreadDueDates(connection);
      history(connection, engine);
      connection.commit();
      try (Statement st = connection.createStatement()) {
        st.execute("ANALYZE");
      }
      connection.commit();
    }
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    long openTasks = engine.getTaskService().createTaskQuery().count();
    long completedTasks = engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count();
    Benchmark.log("board: " + openTasks + " open, " + completedTasks + " completed tasks (seeded in "
        + Math.round(seedSeconds) + " s); measuring the board");

    Session supervisor = Session.login(baseUrl, "supervisor");
    Stats stats = new Stats();
    JsonNode board = null;
    for (int i = 0; i < samples + 20; i++) {
      Stats target = i < 20 ? new Stats() : stats;
      HttpResponse<String> response = target.time("board", () -> supervisor.get(BOARD));
      if (response.statusCode() != 200) {
        stats.error("board " + response.statusCode() + " " + response.body());
      } else {
        board = RestCaseworkers.JSON.readTree(response.body());
      }
      if (i % 5 == 0) {
        HttpResponse<String> csv = target.time("csv", () -> supervisor.get(CSV));
        if (csv.statusCode() != 200) {
          stats.error("csv " + csv.statusCode());
        }
      }
    }
    long boardOpen = 0;
    long overdue = 0;
    if (board != null) {
      for (JsonNode agency : board.path("agencies")) {
        boardOpen += agency.path("open").asLong();
        overdue += agency.path("overdue").asLong();
      }
    }
    ObjectNode json = out.putObject("board");
    json.put("openTasks", openTasks).put("completedTasks", completedTasks).put("seedSeconds", seedSeconds)
        .put("openOnBoard", boardOpen).put("overdueOnBoard", overdue)
        .put("complianceRows", board == null ? 0 : board.path("compliance").size()).put("errors", stats.errors.get());
    stats.summary().forEach((type, p) -> json.putObject(type).put("count", (long) p[0]).put("p50", p[1])
        .put("p95", p[2]).put("p99", p[3]).put("max", p[4]));
    stats.summary().forEach((type, p) -> table.add(String.format(Locale.ROOT,
        "| postgres | deadline board %s (Köln supervisor), %d open / %d completed tasks, p50/p95/p99 (n=%d) | %.1f / %.1f / %.1f ms |",
        type, openTasks, completedTasks, (long) p[0], p[1], p[2], p[3])));
    Benchmark.log("board: " + boardOpen + " open on the board, " + overdue + " overdue; p95 "
        + stats.summary().get("board")[2] + " ms (target 200 ms)");
    if (stats.errors.get() > 0) {
      Benchmark.log("board errors: " + stats.errorSamples);
    }
  }

  /** From 3 days overdue to 7 days ahead, by the task id: about 30 % overdue, 20 % due within 2 days. */
  private static void spreadDueDates(Connection connection) throws Exception {
    try (Statement st = connection.createStatement()) {
      st.execute("UPDATE ACT_RU_TASK SET DUE_DATE_ = now() + ((abs(hashtext(ID_)) % 240) - 72) * interval '1 hour'");
    }
  }

  private void history(Connection connection, ProcessEngine engine) throws Exception {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(Caseload.DV).latestVersion().singleResult().getId();
    int cases = Math.max(1, completed / 5);
    List<String> keys = DomesticViolenceIntervention.Elements.USER_TASKS;
    String keyArray = "array[" + String.join(",", keys.stream().map(key -> "'" + key + "'").toList()) + "]";
    // Ended cases, one a day back over the last 360 days; the Köln police and supervisors keep READ on their history.
    sql(connection, "INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
        + " START_TIME_, END_TIME_, DURATION_, STATE_, ROOT_PROC_INST_ID_)"
        + " SELECT 'bh-' || c, 'bh-' || c, 'KOE-BH-' || c, ?, ?, now() - (c % 360) * interval '1 day' - interval '10 days',"
        + " now() - (c % 360) * interval '1 day', 864000000, 'COMPLETED', 'bh-' || c FROM generate_series(1, ?) c",
        Caseload.DV, definitionId, cases);
    sql(connection, "INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_,"
        + " ROOT_PROC_INST_ID_) SELECT 'bha-' || g || '-' || c, 1, 1, g, 20, 'bh-' || c, 2, 'bh-' || c"
        + " FROM generate_series(1, ?) c, unnest(array['policeKoeln', 'policeSupervisorKoeln']) g", cases);
    // Five tasks per case, 1 to 144 hours to complete against a 72-hour deadline: about half late.
    sql(connection, "INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,"
        + " PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_,"
        + " PRIORITY_, DUE_DATE_)"
        + " SELECT 'bht-' || t, (" + keyArray + ")[1 + t % " + keys.size() + "], ?, ?, 'bh-' || c, 'bh-' || c,"
        + " 'bhx-' || t, 'bhai-' || t, 'Aufgabe', e - d, e, (extract(epoch from d) * 1000)::bigint, 'completed', 50,"
        + " e - d + interval '72 hours'"
        + " FROM (SELECT t, (t - 1) / 5 + 1 AS c, ((t * 7919) % 144 + 1) * interval '1 hour' AS d,"
        + " now() - (((t - 1) / 5 + 1) % 360) * interval '1 day' - (t % 5) * interval '1 hour' AS e"
        + " FROM generate_series(1, ?) t) x",
        Caseload.DV, definitionId, completed);
    sql(connection, "INSERT INTO ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, GROUP_ID_, TASK_ID_, PROC_DEF_ID_,"
        + " OPERATION_TYPE_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_)"
        + " SELECT 'bhl-' || ID_, START_TIME_, 'candidate',"
        + " (array['policeKoeln', 'youthWelfareKoeln', 'counsellingKoeln', 'schoolKoeln'])[1 + abs(hashtext(ID_)) % 4],"
        + " ID_, PROC_DEF_ID_, 'add', PROC_DEF_KEY_, ROOT_PROC_INST_ID_ FROM ACT_HI_TASKINST WHERE ID_ LIKE 'bht-%'");
    // The deadline jobs' log: reminder and escalation created with the task; each then ran (mail sent) if it fell
    // due before the completion, or was deleted by it.
    String jobLog = "INSERT INTO ACT_HI_JOB_LOG (ID_, TIMESTAMP_, JOB_ID_, JOB_DUEDATE_, JOB_RETRIES_, JOB_PRIORITY_,"
        + " JOB_STATE_, JOB_DEF_TYPE_, EXECUTION_ID_, ROOT_PROC_INST_ID_, PROCESS_INSTANCE_ID_, PROCESS_DEF_ID_,"
        + " PROCESS_DEF_KEY_, SEQUENCE_COUNTER_) SELECT %s, %s, %s, %s, 3, 0, %s, 'task-deadline', EXECUTION_ID_,"
        + " ROOT_PROC_INST_ID_, PROC_INST_ID_, PROC_DEF_ID_, PROC_DEF_KEY_, %s FROM ACT_HI_TASKINST WHERE ID_ LIKE 'bht-%%'";
    String reminderDue = "(DUE_DATE_ - interval '24 hours')";
    for (String kind : List.of("r", "e")) {
      String due = kind.equals("r") ? reminderDue : "DUE_DATE_";
      sql(connection, String.format(jobLog, "'bhj-" + kind + "0-' || ID_", "START_TIME_", "'bhjob-" + kind + "-' || ID_",
          due, "0", "1"));
      sql(connection, String.format(jobLog, "'bhj-" + kind + "1-' || ID_", "least(" + due + ", END_TIME_)",
          "'bhjob-" + kind + "-' || ID_", due, "CASE WHEN " + due + " <= END_TIME_ THEN 2 ELSE 3 END", "2"));
    }
  }

  private static void sql(Connection connection, String sql, Object... parameters) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  /** A web-app session, as Cockpit's page has it: login form, session cookie, CSRF token. */
  private record Session(HttpClient http, String baseUrl) {

    static Session login(String baseUrl, String user) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
      Session session = new Session(http, baseUrl);
      session.get("/camunda/app/cockpit/default/");
      String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl
              + "/camunda/api/admin/auth/user/default/login/cockpit"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo", StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException("Cockpit login of " + user + ": " + login.statusCode() + " " + login.body());
      }
      return session;
    }

    HttpResponse<String> get(String path) {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, text/csv")
            .GET().build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(path, e);
      }
    }
  }
}
