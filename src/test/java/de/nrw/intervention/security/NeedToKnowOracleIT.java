package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guessing oracle, closed at every door: a user who may not read a case's variables asks every query that
 * accepts a variable condition, once with a true and once with a false guess, through {@code /engine-rest} and
 * through the web apps' {@code /camunda/api/engine}. Every pair of answers must be identical, or the difference
 * would tell the user the value ("is the victim's name like E%?").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowOracleIT extends SecurityIntegrationTest {

  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired FilterService filterService;

  private Api api;
  private String dvKoeln;

  /** A guess about one variable: its name and the value guessed. */
  record Guess(String variable, String value) {

    Map<String, Object> condition() {
      return Map.of("name", variable, "operator", "eq", "value", value);
    }

    String parameter() {
      return URLEncoder.encode(variable + "_eq_" + value, StandardCharsets.UTF_8);
    }
  }

  /** One query door: how to ask it a guess, as a GET or as a POST, list or count. */
  record Door(String name, String method, Function<Guess, String> path, Function<Guess, Object> body) {
  }

  @BeforeAll
  void openCases() {
    api = new Api(port);
    dvKoeln = Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("KOE-ORACLE-DV-1", "koeln"));
    Cases.requestSchoolObservation(api, dvKoeln);
    String yoKoeln = Cases.start(api, "officer", Cases.YOUNG_OFFENDER, Cases.youngOffender("KOE-ORACLE-YO-1", "koeln"));
    Cases.conveneConference(api, yoKoeln);
  }

  @Test
  void schoolContact_withATaskInTheCase_getsTheSameAnswerForATrueAndAFalseGuessAboutTheVictim() {
    assertThat(api.get("teacher", "/engine-rest/task?processInstanceBusinessKey=KOE-ORACLE-DV-1" + Api.PAGE).json())
        .as("the school holds a task of the case it guesses about (in the called school-observation)").hasSize(1);

    Guess truth = new Guess("victimName", "A. Example");
    Guess lie = new Guess("victimName", "Nobody");
    // The guesses are real: police, who may read the case, can tell them apart.
    assertThat(api.get("officer", "/engine-rest/history/task/count?processVariables=" + truth.parameter()).body())
        .isNotEqualTo(api.get("officer", "/engine-rest/history/task/count?processVariables=" + lie.parameter()).body());

    List<String> answers = askEveryDoor("teacher", truth, lie);

    System.out.println("Oracle answers for teacher (victimName):\n" + String.join("\n", answers));
  }

  @Test
  void counsellor_withoutAYoungOffenderTask_getsTheSameAnswerForATrueAndAFalseGuessAboutTheOffence() {
    List<String> answers = askEveryDoor("counsellor", new Guess("offenceCategory", "violent"),
        new Guess("offenceCategory", "nonsense"));

    System.out.println("Oracle answers for counsellor (offenceCategory):\n" + String.join("\n", answers));
  }

  @Test
  void schoolContact_mayNotSortByAVariable_atEitherDoor() {
    Map<String, Object> sorting = Map.of("sorting", List.of(Map.of("sortBy", "processVariable", "sortOrder", "asc",
        "parameters", Map.of("variable", "victimName", "type", "String"))));

    assertThat(api.post("teacher", "/engine-rest/task?firstResult=0&maxResults=15", sorting).status()).isEqualTo(403);
    assertThat(new Api(port).webLogin("teacher").sessionPost(WEBAPP + "/task?firstResult=0&maxResults=15", sorting)
        .status()).isEqualTo(403);
    assertThat(api.post("officer", "/engine-rest/task?firstResult=0&maxResults=15", sorting).status())
        .as("police read their cases and may sort by them").isEqualTo(200);
  }

  /** Asks every door both guesses at both mounts; returns one line per door and mount with the answer. */
  private List<String> askEveryDoor(String user, Guess truth, Guess lie) {
    Api session = new Api(port).webLogin(user);
    List<String> answers = new ArrayList<>();
    int asked = 0;
    for (Door door : doors()) {
      for (String mount : List.of("/engine-rest", WEBAPP)) {
        Api.Response onTruth = ask(mount, user, session, door, truth);
        Api.Response onLie = ask(mount, user, session, door, lie);
        assertThat(onTruth.status()).as(door.name() + " at " + mount + ": " + onTruth.body()).isLessThan(500);
        assertThat(onTruth.status() + " " + onTruth.body()).as(door.name() + " at " + mount + " tells truth from lie")
            .isEqualTo(onLie.status() + " " + onLie.body());
        answers.add(door.name() + " " + mount + " -> " + onTruth.status() + " " + abbreviate(onTruth.body()));
        asked++;
      }
    }
    assertThat(asked).isEqualTo(2 * doors().size());
    return answers;
  }

  private Api.Response ask(String mount, String user, Api session, Door door, Guess guess) {
    String path = mount + "/" + door.path().apply(guess);
    boolean rest = mount.equals("/engine-rest");
    if (door.method().equals("GET")) {
      return rest ? api.get(user, path) : session.get(null, path);
    }
    return rest ? api.post(user, path, door.body().apply(guess)) : session.sessionPost(path, door.body().apply(guess));
  }

  private List<Door> doors() {
    String page = "firstResult=0&maxResults=50";
    String myAgency = filterService.createTaskFilterQuery().filterName("Offene Aufgaben meiner Stelle").singleResult().getId();
    List<Door> doors = new ArrayList<>();
    for (String[] resource : new String[][] {
        {"task", "processVariables"}, {"history/task", "processVariables"},
        {"process-instance", "variables"}, {"history/process-instance", "variables"},
        {"execution", "processVariables"}, {"variable-instance", "variableValues"}}) {
      String path = resource[0];
      String parameter = resource[1];
      doors.add(new Door("GET " + path, "GET", g -> path + "?" + parameter + "=" + g.parameter() + "&" + page, g -> null));
      doors.add(new Door("GET " + path + "/count", "GET", g -> path + "/count?" + parameter + "=" + g.parameter(),
          g -> null));
      doors.add(new Door("POST " + path, "POST", g -> path + "?" + page, g -> Map.of(parameter, List.of(g.condition()))));
      doors.add(new Door("POST " + path + "/count", "POST", g -> path + "/count",
          g -> Map.of(parameter, List.of(g.condition()))));
    }
    doors.add(new Door("POST task orQueries", "POST", g -> "task/count",
        g -> Map.of("orQueries", List.of(Map.of("processVariables", List.of(g.condition()))))));
    doors.add(new Door("POST task taskVariables", "POST", g -> "task/count",
        g -> Map.of("taskVariables", List.of(g.condition()))));
    doors.add(new Door("GET history/variable-instance", "GET",
        g -> "history/variable-instance?variableName=" + g.variable() + "&variableValue=" + g.value().replace(" ", "%20")
            + "&" + page, g -> null));
    doors.add(new Door("GET history/variable-instance/count", "GET",
        g -> "history/variable-instance/count?variableName=" + g.variable() + "&variableValue="
            + g.value().replace(" ", "%20"), g -> null));
    doors.add(new Door("POST history/variable-instance", "POST", g -> "history/variable-instance?" + page,
        g -> Map.of("variableName", g.variable(), "variableValue", g.value())));
    doors.add(new Door("POST filter list", "POST", g -> "filter/" + myAgency + "/list?" + page,
        g -> Map.of("processVariables", List.of(g.condition()))));
    doors.add(new Door("POST filter count", "POST", g -> "filter/" + myAgency + "/count",
        g -> Map.of("processVariables", List.of(g.condition()))));
    return doors;
  }

  private static String abbreviate(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "…" : body;
  }
}
