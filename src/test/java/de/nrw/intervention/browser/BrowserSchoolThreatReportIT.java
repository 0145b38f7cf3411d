package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import de.nrw.intervention.schoolthreat.SchoolThreatReport.Elements;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Issue 17: a teacher reports a threat in Tasklist; the police see it first; the crisis officer acknowledges. */
@BrowserTest
class BrowserSchoolThreatReportIT {

  private static final String PROCESS_NAME = "Bedrohungslage an einer Schule";

  @Test
  void teacherReportsAThreat_officerFindsTheUrgentAssessmentOnTop_crisisOfficerAcknowledges(BrowserSession browser,
      RunningApp app) {
    String reference = "165432-2026-" + System.currentTimeMillis() % 100_000;
    Tasklist teacher = browser.tasklist("teacher");
    teacher.startProcessAction().click();
    // A school may start exactly one process: its list offers nothing else.
    Locator processes = teacher.page().locator(".modal-dialog ul.processes li");
    assertThat(processes).hasCount(1);
    assertThat(processes).hasText(PROCESS_NAME);
    processes.getByText(PROCESS_NAME).click();
    new CamundaForm(teacher.page().locator(".modal-dialog .fjs-form"))
        .text("Zeichen der Meldung", reference)
        .select("Bezirk", "Köln")
        .text("Was wurde angedroht?", "Zettel an der Tafel: morgen passiert hier etwas")
        .date("Wann (Datum)", LocalDate.now(Cases.NRW)).time("Wann (Uhrzeit)", LocalTime.of(7, 52))
        .choose("Eine volljährige Schülerin oder ein volljähriger Schüler")
        .select("Wie ist die Drohung bekannt geworden?", "Schriftlich (Brief, Zettel, Schmiererei)")
        .text("Telefonnummer für Rückfragen der Polizei", "0221 555010");
    teacher.step("threat-report-filled");
    teacher.start();

    Task assessment = BrowserDomesticViolenceCaseIT.task(app, reference, Elements.ASSESS_THREAT);
    assertThat(assessment).as("the report started a case").isNotNull();
    assertThat(assessment.getPriority()).isEqualTo(90);
    assertThat((String) app.bean(RuntimeService.class).getVariable(assessment.getProcessInstanceId(), "threatDateTime"))
        .as("the time to the minute").contains("T07:52");

    // A police task created after the report: newest first (Tasklist's default order) would put it on top.
    String later = "KOE-2026-" + System.currentTimeMillis() % 1_000_000;
    new Cases(app).domesticViolenceWithoutMeasures(later, "koeln");
    Task newer = BrowserDomesticViolenceCaseIT.task(app, later, "Task_CloseCase");

    Tasklist officer = browser.tasklist("officer").filter(MY_AGENCY);
    // Waits for the list: Tasklist renders it after the filter's answer.
    assertThat(officer.taskLink(newer.getId())).isVisible();
    assertThat(officer.taskCard(assessment.getId())).containsText("90");
    // Sorted by priority, as the officer chooses in Tasklist's sorting menu (Tasklist keeps the choice in the URL).
    String myAgency = app.bean(FilterService.class).createTaskFilterQuery().filterName(MY_AGENCY).singleResult().getId();
    officer.page().navigate(app.tasklistUrl() + "/#/?filter=" + myAgency
        + "&sorting=" + URLEncoder.encode("[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"}]", StandardCharsets.UTF_8));
    assertThat(officer.taskLink(assessment.getId())).hasText("Bedrohungslage einschätzen");
    assertThat(officer.tasks().first()).containsText("Bedrohungslage einschätzen");
    assertThat(officer.taskIds()).first().as("the urgent assessment tops the officer's inbox").isEqualTo(assessment.getId());
    assertThat(officer.taskIds()).contains(newer.getId());
    officer.step("urgent-assessment-on-top");

    Task acknowledgement = BrowserDomesticViolenceCaseIT.task(app, reference, Elements.ACKNOWLEDGE_THREAT_REPORT);
    Tasklist crisisOfficer = browser.tasklist("crisisofficer").filter(MY_AGENCY);
    assertThat(crisisOfficer.taskLink(acknowledgement.getId())).hasText("Meldung der Bedrohungslage bestätigen");
    assertThat(crisisOfficer.taskIds()).doesNotContain(assessment.getId());
    CamundaForm form = crisisOfficer.openTask(acknowledgement.getId());
    assertThat(form.field("Zeichen der Meldung")).hasValue(reference);
    assertThat(form.textContent()).doesNotContain("Name und Klasse");
    crisisOfficer.claim();
    form.choose("Ja, die Krisenintervention unterstützt die Schule");
    crisisOfficer.step("acknowledgement-filled");
    crisisOfficer.complete(acknowledgement.getId());

    assertThat(app.bean(TaskService.class).createTaskQuery().taskId(acknowledgement.getId()).count()).isZero();
    assertThat(app.bean(HistoryService.class).createHistoricVariableInstanceQuery()
        .processInstanceId(acknowledgement.getProcessInstanceId()).variableName("crisisSupportOffered").singleResult()
        .getValue()).isEqualTo("yes");
  }
}
