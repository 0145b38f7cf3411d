package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.DISTRICT_OVERDUE;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;

import com.microsoft.playwright.Page;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * BITV NRW (WCAG 2.1 AA): no critical or serious axe-core violation on the pages caseworkers and supervisors use,
 * in a German browser, with our custom script and styles (app/intervention in the web apps' resources).
 */
@BrowserTest
class BrowserAccessibilityIT {

  private static final String DOMESTIC_VIOLENCE = "Intervention bei häuslicher Gewalt (§34a PolG NRW)";

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
    new Cases(app).youngOffender("KOE-2026-870002", "koeln");

    Tasklist teacher = browser.tasklist("teacher").filter(MY_AGENCY);
    Axe.assertNoSeriousViolations(teacher.page(), "the teacher's task list");
    String schoolTask = teacher.taskIds().get(0);
    teacher.openTask(schoolTask);
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
}
