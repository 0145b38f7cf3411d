package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.DISTRICT_OVERDUE;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * BITV NRW (WCAG 2.1 AA): no critical or serious axe-core violation on the pages caseworkers and supervisors use,
 * in a German browser, with our custom script and styles (app/intervention in the web apps' resources).
 */
@BrowserTest
class BrowserAccessibilityIT {

  private static final String DOMESTIC_VIOLENCE = "Intervention bei häuslicher Gewalt (§34a PolG NRW)";
  private static final String CHILD_RISK_OUTCOME = "supportOffered";

  @Test
  void officer_taskList_taskForm_startForm_haveNoSeriousViolations(BrowserSession browser, RunningApp app) {
    String caseReference = "KOE-2026-870001";
    new Cases(app).domesticViolenceWithExpulsionOrder(caseReference, "koeln");
    Task banCheck = BrowserDomesticViolenceCaseIT.task(app, caseReference, Elements.CHECK_BAN_COMPLIANCE);

    Tasklist officer = browser.tasklist("officer").filter(MY_AGENCY);
    Axe.assertNoSeriousViolations(officer.page(), "the officer's task list");
    officer.openTask(banCheck.getId());
    officer.step("task-form");
    Axe.assertNoSeriousViolations(officer.page(), "the officer's task form");
    officer.startProcess(DOMESTIC_VIOLENCE);
    officer.step("start-form");
    Axe.assertNoSeriousViolations(officer.page(), "the domestic-violence start form");
  }

  @Test
  void teacher_taskListAndTaskForm_haveNoSeriousViolations(BrowserSession browser, RunningApp app) {
    String caseReference = "KOE-2026-870002";
    new Cases(app).domesticViolenceWithChildrenAndVictimDetails(caseReference, "Anna Beispiel");
    // The Jugendamt asks the school to observe the child, as the youthworker does in BrowserDomesticViolenceCaseIT.
    TaskService tasks = app.bean(TaskService.class);
    Task assessment = BrowserDomesticViolenceCaseIT.task(app, caseReference, Elements.ASSESS_CHILD_RISK);
    tasks.complete(assessment.getId(), Map.of("childRiskOutcome", CHILD_RISK_OUTCOME,
        "childRiskAssessmentNotes", "Home visit.", "schoolObservationRequested", true,
        "schoolObservationRequest", "Attendance."));
    Task observation = BrowserDomesticViolenceCaseIT.task(app, caseReference, Elements.OBSERVE_CHILD);

    Tasklist teacher = browser.tasklist("teacher").filter(MY_AGENCY);
    Axe.assertNoSeriousViolations(teacher.page(), "the teacher's task list");
    teacher.openTask(observation.getId());
    teacher.step("task-form");
    Axe.assertNoSeriousViolations(teacher.page(), "the teacher's task form");
  }

  @Test
  void supervisor_cockpitDashboard_andDistrictFilter_haveNoSeriousViolations(BrowserSession browser) {
    Cockpit cockpit = browser.cockpit("supervisor");
    assertThat(cockpit.page().locator("html")).hasAttribute("lang", "de");
    cockpit.step("dashboard");
    Axe.assertNoSeriousViolations(cockpit.page(), "the Cockpit dashboard");

    Tasklist supervisor = browser.tasklist("supervisor").filter(DISTRICT_OVERDUE);
    Axe.assertNoSeriousViolations(supervisor.page(), "the supervisor's task list");
  }

  @Test
  void accessibilityStatement_isPublic_andHasNoSeriousViolations(BrowserSession browser, RunningApp app) {
    Page page = browser.anonymousPage(WebAppLanguage.GERMAN);
    page.navigate(app.baseUrl() + Tasklist.ACCESSIBILITY_STATEMENT);
    assertThat(page.locator("html")).hasAttribute("lang", "de");
    assertThat(page.locator("h1")).hasText("Erklärung zur Barrierefreiheit");
    assertThat(page.locator("main")).containsText("Ombudsstelle für barrierefreie Informationstechnik");
    Axe.assertNoSeriousViolations(page, "the accessibility statement");
  }

  /** The check itself: a button without a name, as Tasklist's region toggles were before our script named them. */
  @Test
  void axe_reportsAButtonWithoutName(BrowserSession browser, RunningApp app) {
    Page page = browser.anonymousPage(WebAppLanguage.GERMAN);
    page.navigate(app.baseUrl() + Tasklist.ACCESSIBILITY_STATEMENT);
    page.evaluate("() => document.querySelector('main').append(document.createElement('button'))");
    assertThat(Axe.seriousViolations(page)).anySatisfy(line -> assertThat(line).startsWith("button-name (critical) "));
  }
}
