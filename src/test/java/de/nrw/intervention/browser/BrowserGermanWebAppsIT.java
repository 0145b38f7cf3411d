package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, web apps: German screens for German browsers (English stays English), German dates whatever the
 * browser's language, no Camunda 8 banner, and no action a role cannot use (config.js and app/intervention).
 */
@BrowserTest
class BrowserGermanWebAppsIT {

  private static final String DOMESTIC_VIOLENCE = "Intervention bei häuslicher Gewalt (§34a PolG NRW)";
  /** Tasklist's due-date tooltip (camDate 'long' in our config.js), e.g. "Dienstag, 01.12.2026 17:00". */
  private static final Pattern GERMAN_LONG_DATE =
      Pattern.compile("(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
  private static final Pattern ENGLISH_LONG_DATE =
      Pattern.compile("(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");

  @Test
  void officerInGermanBrowser_getsGermanTasklist_germanDates_noBanner_statementLink(BrowserSession browser,
      RunningApp app) {
    String caseReference = "KOE-2026-880001";
    new Cases(app).domesticViolenceWithExpulsionOrder(caseReference, "koeln");
    Task banCheck = BrowserDomesticViolenceCaseIT.task(app, caseReference, Elements.CHECK_BAN_COMPLIANCE);

    Tasklist officer = browser.tasklist("officer").filter(MY_AGENCY);
    Page page = officer.page();
    assertThat(page.locator("html")).hasAttribute("lang", "de");
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    assertThat(officer.startProcessAction()).isVisible();
    assertThat(officer.createTaskAction()).isHidden();
    assertThat(officer.statementLink()).hasText("Erklärung zur Barrierefreiheit");
    assertThat(officer.statementLink()).isInViewport();
    officer.openTask(banCheck.getId());
    assertThat(officer.openTaskDueDateTooltip()).matches(GERMAN_LONG_DATE);
    officer.step("german-tasklist");

    // Tasklist's own date picker (follow-up date): German, Monday first.
    officer.claim();
    page.locator(".followup-date").click();
    Locator followUpPicker = page.locator(".uib-daypicker");
    assertThat(followUpPicker.locator("thead small").first()).hasText("Mo.");
    assertThat(followUpPicker.locator("thead button strong")).hasText(Pattern.compile("^(Januar|Februar|März|April|Mai|"
        + "Juni|Juli|August|September|Oktober|November|Dezember) \\d{4}$"));
    officer.step("german-follow-up-date-picker");
    page.keyboard().press("Escape");

    CamundaForm start = officer.startProcess(DOMESTIC_VIOLENCE);
    Locator date = start.field("Einsatz (Datum)");
    assertThat(date).hasAttribute("placeholder", "TT.MM.JJJJ");
    date.click();
    Locator calendar = page.locator(".flatpickr-calendar.open");
    assertThat(calendar.locator(".flatpickr-weekday").first()).hasText("Mo");
    start.date("Einsatz (Datum)", LocalDate.of(2026, 11, 25));
    assertThat(date).hasValue("25.11.2026");
    officer.step("german-date-picker");

    assertThat(officer.statementLink()).hasAttribute("href", Tasklist.ACCESSIBILITY_STATEMENT);
  }

  @Test
  void counsellorSeesNeitherCreateTaskNorStartProcess_teacherOnlyStartProcess_administratorBoth(BrowserSession browser) {
    Tasklist counsellor = browser.tasklist("counsellor");
    // The engine has answered (our script marks the action), and the answer was no.
    assertThat(counsellor.page().locator("li.start-process-action")).hasAttribute("data-intervention-allowed", "false");
    assertThat(counsellor.page().locator("li.create-task-action")).hasAttribute("data-intervention-allowed", "false");
    assertThat(counsellor.startProcessAction()).isHidden();
    assertThat(counsellor.createTaskAction()).isHidden();
    counsellor.step("counsellor-without-actions");
    // A school may report a threat (school-threat-report, its only process), so it keeps "Start process"; no tasks
    // outside a case (BrowserSchoolThreatReportIT shows the one process it is offered).
    Tasklist teacher = browser.tasklist("teacher");
    assertThat(teacher.page().locator("li.start-process-action")).hasAttribute("data-intervention-allowed", "true");
    assertThat(teacher.page().locator("li.create-task-action")).hasAttribute("data-intervention-allowed", "false");
    assertThat(teacher.startProcessAction()).isVisible();
    assertThat(teacher.createTaskAction()).isHidden();
    teacher.step("teacher-may-only-start-a-threat-report");
    // Hidden by the engine's word (authorizations), not for everyone: the administrator keeps both.
    Tasklist demo = browser.tasklist("demo");
    assertThat(demo.startProcessAction()).isVisible();
    assertThat(demo.createTaskAction()).isVisible();
  }

  @Test
  void officerInEnglishBrowser_getsEnglishTasklist_datesStayGerman(BrowserSession browser, RunningApp app) {
    String caseReference = "KOE-2026-880002";
    new Cases(app).domesticViolenceWithExpulsionOrder(caseReference, "koeln");
    Task banCheck = BrowserDomesticViolenceCaseIT.task(app, caseReference, Elements.CHECK_BAN_COMPLIANCE);

    Tasklist officer = browser.tasklist("officer", WebAppLanguage.ENGLISH).filter(MY_AGENCY);
    Page page = officer.page();
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(officer.startProcessAction()).isVisible();
    assertThat(page.locator("footer")).containsText("Powered by");
    assertThat(officer.statementLink()).hasText("Accessibility statement (German)");
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    officer.openTask(banCheck.getId());
    assertThat(officer.claimButton()).isVisible();
    assertThat(officer.openTaskDueDateTooltip()).matches(ENGLISH_LONG_DATE);
    officer.step("english-tasklist");

    CamundaForm start = officer.startProcess(DOMESTIC_VIOLENCE);
    start.date("Einsatz (Datum)", LocalDate.of(2026, 11, 25));
    assertThat(start.field("Einsatz (Datum)")).hasValue("25.11.2026");
  }

  @Test
  void supervisorInGermanBrowser_getsGermanCockpit(BrowserSession browser) {
    Cockpit cockpit = browser.cockpit("supervisor");
    Page page = cockpit.page();
    assertThat(page.locator("html")).hasAttribute("lang", "de");
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    assertThat(page.locator("footer a.intervention-statement")).hasText("Erklärung zur Barrierefreiheit");
    assertThat(page.locator("footer a.intervention-statement")).isInViewport();
    assertThat(page.locator("footer")).containsText("Angetrieben durch");
    cockpit.step("german-cockpit");
  }
}
