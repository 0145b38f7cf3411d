package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Scenarios 1 and 2 of issue 8: a domestic-violence case as police, Jugendamt, school and another district see it. */
@BrowserTest
class BrowserDomesticViolenceCaseIT {

  private static final String PROCESS_NAME = "Intervention bei häuslicher Gewalt (§34a PolG NRW)";

  @Test
  void officer_startsCaseWithStartForm_completesBanCheck_nextTaskGoesToKoelnPolice(BrowserSession browser, RunningApp app) {
    // As police authorities write it (issue 15): a space and a slash, refused by the old pattern.
    String caseReference = "VG 2026/004712";
    LocalDate yesterday = LocalDate.now(Cases.NRW).minusDays(1);
    Tasklist officer = browser.tasklist("officer");
    officer.step("logged-in");

    CamundaForm start = officer.startProcess(PROCESS_NAME)
        .text("Aktenzeichen der Polizei", caseReference)
        .select("Bezirk", "Köln")
        .date("Einsatz (Datum)", yesterday).time("Einsatz (Uhrzeit)", LocalTime.of(23, 17))
        .check("Wohnungsverweisung und Rückkehrverbot angeordnet")
        .date("Wohnungsverweisung angeordnet am (Datum)", yesterday).time("Wohnungsverweisung angeordnet um (Uhrzeit)", LocalTime.of(23, 40))
        .text("Anzahl der Kinder im Haushalt", "1")
        .text("Alter der Kinder", "7")
        .text("Anschrift des Haushalts", "Musterstraße 1, 50667 Köln");
    assertThat(officer.startButton()).isEnabled();
    officer.step("start-form-filled");
    officer.start();

    Task banCheck = task(app, caseReference, Elements.CHECK_BAN_COMPLIANCE);
    // Stored exactly as typed: the reference unchanged, the time to the minute (not rounded to 23:15).
    RuntimeService runtime = app.bean(RuntimeService.class);
    assertThat(runtime.getVariable(banCheck.getProcessInstanceId(), "caseReference")).isEqualTo(caseReference);
    assertThat((String) runtime.getVariable(banCheck.getProcessInstanceId(), "operationDateTime"))
        .startsWith(yesterday + "T23:17");
    assertThat(candidateGroups(app, banCheck)).containsExactly("policeKoeln");
    officer.filter(MY_AGENCY);
    assertThat(officer.taskLink(banCheck.getId())).hasText("Einhaltung des Rückkehrverbots prüfen");
    officer.step("ban-check-in-agency-filter");

    CamundaForm form = officer.openTask(banCheck.getId());
    assertThat(form.labels()).contains("Aktenzeichen der Polizei", "Rückkehrverbot (§34a PolG NRW)",
        "Geprüft am (Datum)", "Geprüft um (Uhrzeit)", "Feststellungen");
    assertThat(form.field("Aktenzeichen der Polizei")).hasValue(caseReference);
    officer.step("ban-check-form");

    officer.claim();
    form.date("Geprüft am (Datum)", LocalDate.now(Cases.NRW)).time("Geprüft um (Uhrzeit)", LocalTime.of(9, 0))
        .check("Gegen das Rückkehrverbot wurde verstoßen");
    officer.completeButton().click();
    assertThat(form.fieldErrors()).hasText(officer.language().requiredField);
    assertThat(form.field("Feststellungen")).hasAttribute("aria-invalid", "true");
    assertThat(officer.notifications()).containsText(officer.language().completeError);
    officer.step("empty-findings-block-completion");
    assertThat(app.bean(TaskService.class).createTaskQuery().taskId(banCheck.getId()).count()).isOne();

    officer.dismissNotifications();
    form.text("Feststellungen", "Expelled person found in the flat at 09:00; removed again.");
    officer.complete(banCheck.getId());
    officer.step("ban-check-completed");

    Task response = task(app, caseReference, Elements.RESPOND_TO_BAN_VIOLATION);
    assertThat(candidateGroups(app, response)).containsExactly("policeKoeln");
    officer.filter(MY_AGENCY);
    assertThat(officer.taskLink(response.getId())).hasText("Auf den Verstoß gegen das Rückkehrverbot reagieren");
    officer.step("next-task-for-koeln-police");
  }

  @Test
  void youthworkerAssessesChildren_teacherSeesOnlyTheSchoolTaskWithoutVictimDetails_bonnSeesNoKoelnTask(
      BrowserSession browser, RunningApp app) {
    String caseReference = "KOE-2026-820001";
    new Cases(app).domesticViolenceWithChildrenAndVictimDetails(caseReference, "Anna Beispiel");
    Task assessment = task(app, caseReference, Elements.ASSESS_CHILD_RISK);

    Tasklist youthworker = browser.tasklist("youthworker").filter(MY_AGENCY);
    assertThat(youthworker.taskLink(assessment.getId())).hasText("Gefährdungseinschätzung für die Kinder vornehmen (§8a SGB VIII)");
    assertThat(youthworker.taskIds()).allSatisfy(id -> assertThat(candidateGroups(app, id)).contains("youthWelfareKoeln"));
    youthworker.step("child-risk-task-in-agency-filter");
    CamundaForm assessmentForm = youthworker.openTask(assessment.getId());
    youthworker.claim();
    assessmentForm.choose("Hilfen für die Familie angeboten (Hilfen zur Erziehung)")
        .text("Vermerke zur Einschätzung", "Home visit: both children seen, mother accepts support.")
        .check("Ansprechperson der Schule bitten, das Kind zu beobachten")
        .text("Vorname des Kindes", "Lena")
        .text("Alter und Klasse des Kindes", "9 Jahre, Klasse 3b")
        .text("Was soll die Schule beobachten?", "Attendance and signs of distress of the 9-year-old.");
    youthworker.step("child-risk-assessment-filled");
    youthworker.complete(assessment.getId());

    Task observation = task(app, caseReference, Elements.OBSERVE_CHILD);
    Tasklist teacher = browser.tasklist("teacher").filter(MY_AGENCY);
    assertThat(teacher.taskLink(observation.getId())).hasText("Kind beobachten: Lena (9 Jahre, Klasse 3b)");
    // Schools may see young-offender tasks of their own; none of the domestic-violence process: the observation
    // belongs to the neutral called process.
    assertThat(teacher.taskIds()).allSatisfy(id -> {
      assertThat(candidateGroups(app, id)).contains("schoolKoeln");
      assertThat(taskDefinitionKeyIfDomesticViolence(app, id)).isEmpty();
    });
    teacher.step("only-school-task-in-agency-filter");
    CamundaForm observationForm = teacher.openTask(observation.getId());
    assertThat(observationForm.field("Aktenzeichen der Polizei")).hasValue(caseReference);
    assertThat(observationForm.textContent()).contains("Was das Jugendamt Sie zu beobachten bittet");
    String everythingShown = teacher.page().locator("body").innerText()
        + String.join(" ", observationForm.inputValues());
    assertThat(everythingShown)
        .contains("Attendance and signs of distress", "Lena", "Beobachtung in der Schule")
        .doesNotContain("Anna Beispiel", "0221 5550100", "Musterstraße", "Opfer", "Risikostufe",
            "Häusliche Gewalt", "häuslicher Gewalt", "§34a");
    teacher.step("school-form-without-victim-details");

    Tasklist bonnofficer = browser.tasklist("bonnofficer").filter(MY_AGENCY);
    bonnofficer.step("bonn-agency-filter");
    List<String> seenInBonn = bonnofficer.taskIds();
    assertThat(seenInBonn).doesNotContain(assessment.getId(), observation.getId());
    assertThat(seenInBonn).allSatisfy(id -> assertThat(district(app, id)).isEqualTo("bonn"));
  }

  static Task task(RunningApp app, String caseReference, String taskDefinitionKey) {
    return app.bean(TaskService.class).createTaskQuery()
        .processInstanceBusinessKey(caseReference).taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  private static List<String> candidateGroups(RunningApp app, Task task) {
    return candidateGroups(app, task.getId());
  }

  private static List<String> candidateGroups(RunningApp app, String taskId) {
    return app.bean(TaskService.class).getIdentityLinksForTask(taskId).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private static String taskDefinitionKeyIfDomesticViolence(RunningApp app, String taskId) {
    Task task = app.bean(TaskService.class).createTaskQuery().taskId(taskId).singleResult();
    return task.getProcessDefinitionId().startsWith("domestic-violence-intervention:") ? task.getTaskDefinitionKey() : "";
  }

  private static String district(RunningApp app, String taskId) {
    Task task = app.bean(TaskService.class).createTaskQuery().taskId(taskId).singleResult();
    return (String) app.bean(RuntimeService.class).getVariable(task.getProcessInstanceId(), "district");
  }
}
