package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import de.nrw.intervention.conference.CaseConference;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the coordinator (the police victim-protection officer) runs one Köln case conference with two high-risk
 * cases in Tasklist: calls it with the start form, records each case's result with three actions in all, and closes
 * the conference; each action lands with its owner agency, due at the end of its deadline day, and nowhere else.
 */
@BrowserTest
class BrowserCaseConferenceIT {

  private static final String CONFERENCE = "Fallkonferenz des Bezirks (Hochrisikomanagement)";
  private static final String CASE_WITH_CHILD = "KOE-2026-890001";
  private static final String CASE_WITH_CONSENT = "KOE-2026-890002";

  @Test
  void coordinator_runsOneConferenceWithTwoCasesAndThreeActions(BrowserSession browser, RunningApp app) {
    Cases cases = new Cases(app);
    cases.domesticViolenceHighRisk(CASE_WITH_CHILD, Map.of("childCount", 1L, "childAges", "7",
        "householdAddress", "Musterstraße 3, 50667 Köln"));
    cases.domesticViolenceHighRisk(CASE_WITH_CONSENT, Map.of("victimConsentsToCounselling", true,
        "victimName", "Berta Beispiel", "victimPhone", "0221 5550199", "victimAddress", "Musterstraße 4, 50667 Köln"));
    LocalDate meeting = LocalDate.now(Cases.NRW).plusDays(7);
    String reference = "FK-KOELN-" + meeting;

    Tasklist officer = browser.tasklist("officer");
    officer.startProcess(CONFERENCE)
        .text("Kennung der Fallkonferenz", reference)
        .select("Bezirk", "Köln")
        .date("Fallkonferenz (Datum)", meeting).time("Fallkonferenz (Uhrzeit)", LocalTime.of(10, 0))
        .text("Ort oder Videolink", "Polizeipräsidium Köln, Raum 3.14");
    officer.step("conference-start-form");
    officer.start();

    Task hold = task(app, reference, "Task_HoldCaseConference");
    assertThat((String) app.bean(RuntimeService.class).getVariable(hold.getProcessInstanceId(), "agenda"))
        .as("exactly these two cases: another scenario's high-risk Köln case would wait for this conference too, and"
            + " the conference could not be closed before its result is recorded (use Bonn there)")
        .isEqualTo(CASE_WITH_CHILD + ", " + CASE_WITH_CONSENT);

    // The Jugendamt prepares the case it works on; it sees no preparation of the other case.
    Task youthWelfarePreparation = preparation(app, CASE_WITH_CHILD, "youthWelfareKoeln");
    Tasklist youthworker = browser.tasklist("youthworker").filter(MY_AGENCY);
    assertThat(youthworker.taskLink(youthWelfarePreparation.getId())).hasText("Fallkonferenz vorbereiten");
    assertThat(youthworker.taskIds()).doesNotContainAnyElementsOf(taskIds(app, CASE_WITH_CONSENT));
    CamundaForm preparing = youthworker.openTask(youthWelfarePreparation.getId());
    youthworker.claim();
    preparing.text("Erkenntnisse Ihrer Stelle", "Familie bekannt, ambulante Hilfe seit Mai.")
        .text("Vorgeschlagene Maßnahmen", "Hausbesuch mit Schutzplan für das Kind.");
    youthworker.step("youth-welfare-prepares");
    youthworker.complete(youthWelfarePreparation.getId());
    prepareTheRestWithoutBrowser(app);

    officer.filter(MY_AGENCY);
    Task withChild = task(app, CASE_WITH_CHILD, "Task_RecordConferenceResult");
    CamundaForm result = officer.openTask(withChild.getId());
    assertThat(result.field("Jugendamt: Erkenntnisse")).hasValue("Familie bekannt, ambulante Hilfe seit Mai.");
    officer.claim();
    result.check("Polizei anwesend").check("Jugendamt anwesend")
        .choose("Maßnahmen nachhalten: auf der Tagesordnung, solange eine Maßnahme offen ist")
        .text("Maßnahme 1: Beschreibung", "Gefährderansprache durchführen")
        .select("Maßnahme 1: zuständige Stelle", "Polizei").date("Maßnahme 1: Frist", meeting.plusDays(7))
        .text("Maßnahme 2: Beschreibung", "Hausbesuch mit Schutzplan")
        .select("Maßnahme 2: zuständige Stelle", "Jugendamt").date("Maßnahme 2: Frist", meeting.plusDays(14));
    officer.step("result-with-two-actions");
    officer.complete(withChild.getId());

    Task withConsent = task(app, CASE_WITH_CONSENT, "Task_RecordConferenceResult");
    officer.filter(MY_AGENCY);
    result = officer.openTask(withConsent.getId());
    officer.claim();
    result.check("Polizei anwesend").check("Beratungsstelle anwesend")
        .choose("Aus der Fallkonferenz entlassen")
        .text("Maßnahme 1: Beschreibung", "Beratungsgespräch anbieten")
        .select("Maßnahme 1: zuständige Stelle", "Beratungsstelle").date("Maßnahme 1: Frist", meeting.plusDays(3));
    officer.step("result-with-one-action");
    officer.complete(withConsent.getId());

    officer.filter(MY_AGENCY);
    CamundaForm closing = officer.openTask(hold.getId());
    assertThat(closing.field("Tagesordnung (Aktenzeichen)")).hasValue(
        (String) app.bean(RuntimeService.class).getVariable(hold.getProcessInstanceId(), "agenda"));
    officer.claim();
    closing.check("Polizei anwesend").check("Jugendamt anwesend").check("Beratungsstelle anwesend");
    officer.step("close-conference");
    officer.complete(hold.getId());
    assertThat(app.bean(TaskService.class).createTaskQuery().taskId(hold.getId()).count()).isZero();

    List<Task> actions = actions(app);
    assertThat(actions).hasSize(3);
    assertThat(action(app, CASE_WITH_CHILD, "policeKoeln").getDueDate()).isEqualTo(endOfDay(meeting.plusDays(7)));
    assertThat(action(app, CASE_WITH_CHILD, "youthWelfareKoeln").getDueDate()).isEqualTo(endOfDay(meeting.plusDays(14)));
    assertThat(action(app, CASE_WITH_CONSENT, "counsellingKoeln").getDueDate()).isEqualTo(endOfDay(meeting.plusDays(3)));

    Tasklist counsellor = browser.tasklist("counsellor").filter(MY_AGENCY);
    Task counselling = action(app, CASE_WITH_CONSENT, "counsellingKoeln");
    assertThat(counsellor.taskLink(counselling.getId())).hasText("Vereinbarte Maßnahme umsetzen");
    CamundaForm actionForm = counsellor.openTask(counselling.getId());
    assertThat(actionForm.field("Maßnahme")).hasValue("Beratungsgespräch anbieten");
    assertThat(actionForm.field("Vereinbart in der Fallkonferenz")).hasValue(reference);
    counsellor.step("counselling-action");
    assertThat(counsellor.taskIds()).doesNotContain(action(app, CASE_WITH_CHILD, "youthWelfareKoeln").getId());

    Tasklist teacher = browser.tasklist("teacher").filter(MY_AGENCY);
    assertThat(teacher.taskIds()).as("schools own no conference action").doesNotContainAnyElementsOf(
        actions.stream().map(Task::getId).toList());
    teacher.step("no-conference-task-for-the-school");

    // The supervisors' deadline board shows the conference with its two cases, and the district's referrals.
    Cockpit board = browser.cockpit("supervisor").deadlineBoard();
    Locator conference = board.page().locator("table.board-conference-list tr[data-conference='" + reference + "']");
    assertThat(conference.locator("td").first())
        .hasText(meeting.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ", 10:00 Uhr");
    assertThat(conference.locator("td[data-figure='cases']")).hasText("2");
    long referrals = Long.parseLong(board.page()
        .locator("table.board-conferences tr[data-row='referrals'] td[data-figure='referrals']").innerText().trim());
    assertThat(referrals).as("this conference's two cases, and any other Köln referral").isGreaterThanOrEqualTo(2);
    board.step("board-conferences");
  }

  private static void prepareTheRestWithoutBrowser(RunningApp app) {
    TaskService tasks = app.bean(TaskService.class);
    for (String reference : List.of(CASE_WITH_CHILD, CASE_WITH_CONSENT)) {
      for (Task preparation : tasks.createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey("Task_PrepareCaseConference").list()) {
        tasks.complete(preparation.getId(), Map.of("preparationFindings", "bekannt", "preparationProposal", "keine"));
      }
    }
  }

  private static Task task(RunningApp app, String reference, String taskDefinitionKey) {
    return app.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  private static Task preparation(RunningApp app, String reference, String group) {
    return app.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_PrepareCaseConference").taskCandidateGroup(group).singleResult();
  }

  private static Task action(RunningApp app, String reference, String group) {
    return app.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(CaseConference.Elements.CARRY_OUT_ACTION).taskCandidateGroup(group).singleResult();
  }

  private static List<Task> actions(RunningApp app) {
    return app.bean(TaskService.class).createTaskQuery().processInstanceBusinessKeyIn(CASE_WITH_CHILD, CASE_WITH_CONSENT)
        .taskDefinitionKey(CaseConference.Elements.CARRY_OUT_ACTION).list();
  }

  private static List<String> taskIds(RunningApp app, String reference) {
    return app.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference).list().stream()
        .map(Task::getId).toList();
  }

  private static Date endOfDay(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZoneId.of("Europe/Berlin")).minusNanos(1_000_000).toInstant());
  }
}
