package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the Köln supervisor's deadline board in Cockpit shows Köln's figures and none of Bonn's; a task moved
 * into the past raises its agency's overdue count by one and becomes the oldest overdue task, whose link opens the
 * case; the CSV download holds what the compliance table shows.
 */
@BrowserTest
class BrowserDeadlineBoardIT {

  private static final String POLICE_KOELN = "policeKoeln";

  @Test
  void supervisor_seesKoelnOnly_overdueCountFollowsAMovedDueDate_linkOpensTheCase_csvMatchesTheScreen(
      BrowserSession browser, RunningApp app) throws Exception {
    Cases cases = new Cases(app);
    TaskService tasks = app.bean(TaskService.class);
    String koelnCase = "KOE-2026-895001";
    String koelnInstance = cases.domesticViolenceWithExpulsionOrder(koelnCase, "koeln").getId();
    // A completed Köln task with a deadline, so that the compliance table and the CSV have rows.
    String closedCase = "KOE-2026-895002";
    cases.domesticViolenceWithoutMeasures(closedCase, "koeln");
    tasks.complete(BrowserDomesticViolenceCaseIT.task(app, closedCase, Elements.CLOSE_CASE).getId(),
        Map.of("caseSummary", "Keine weiteren Maßnahmen erforderlich."));
    // Bonn's case, opened by the Bonn police, with an overdue task: a board not limited to Köln would count it.
    String bonnCase = "BN-2026-895003";
    IdentityService identity = app.bean(IdentityService.class);
    identity.setAuthentication("bonnofficer", List.of("policeBonn"));
    try {
      cases.domesticViolenceWithExpulsionOrder(bonnCase, "bonn");
    } finally {
      identity.clearAuthentication();
    }
    moveDueDate(tasks, BrowserDomesticViolenceCaseIT.task(app, bonnCase, Elements.CHECK_BAN_COMPLIANCE),
        Instant.now().minus(Duration.ofDays(40)));

    Cockpit board = browser.cockpit("supervisor").deadlineBoard();
    assertThat(board.page().locator(".intervention-board h1")).hasText("Fristenübersicht");
    assertThat(board.page().locator(".board-district")).hasText("Bezirk: Köln");
    assertThat(board.boardAgency(POLICE_KOELN).locator("th")).hasText("Polizei Köln");
    assertThat(board.page().locator(".intervention-board")).not().containsText("Bonn");
    assertThat(board.page().locator(".intervention-board")).not().containsText(bonnCase);
    // One row per configured agency of the district (intervention.identity.agencies), the crisis officers included.
    assertThat(board.page().locator("table.board-agencies tbody tr")).hasCount(6);
    long overdueBefore = board.boardFigure(POLICE_KOELN, "overdue");
    board.step("koeln-board");

    // Older than anything other scenarios may have left overdue: the oldest overdue task of the Köln police.
    Task banCheck = BrowserDomesticViolenceCaseIT.task(app, koelnCase, Elements.CHECK_BAN_COMPLIANCE);
    Instant due = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
    moveDueDate(tasks, banCheck, due);

    board.reload();
    assertThat(board.boardFigure(POLICE_KOELN, "overdue")).isEqualTo(overdueBefore + 1);
    Locator oldest = board.boardAgency(POLICE_KOELN).locator("td[data-figure='oldestOverdue']");
    assertThat(oldest.locator(".task-name")).hasText("Einhaltung des Rückkehrverbots prüfen");
    assertThat(oldest.locator(".due")).hasText("fällig " + new de.nrw.intervention.calendar.PlatformCalendar(Cases.NRW)
        .dateTime(Date.from(due)));
    assertThat(oldest.locator("a.task-link"))
        .hasAttribute("href", "/camunda/app/tasklist/default/#/?task=" + banCheck.getId());
    board.step("overdue-count-rose");

    // The CSV is what the compliance table shows, row by row, with the district in front.
    List<List<String>> shown = board.boardComplianceRows();
    assertThat(shown).isNotEmpty();
    // By the task's key: the designer scenario (BrowserModelChangeIT) may have renamed "Fall abschließen" before.
    assertThat(board.page().locator("table.board-compliance tr[data-task='" + Elements.CLOSE_CASE + "']").first())
        .isVisible();
    Download download = board.page().waitForDownload(() -> board.page().locator("a.board-csv").click());
    assertThat(download.suggestedFilename()).matches("fristen-koeln-\\d{4}-\\d{2}\\.csv");
    byte[] csv = Files.readAllBytes(download.path());
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("Bezirk;Monat;Prozess;Aufgabe;Frist;Erledigt;Fristgerecht;Verspätet;"
        + "Anteil fristgerecht;Median Bearbeitungszeit (Tage)");
    List<List<String>> exported = lines.subList(1, lines.size()).stream()
        .map(line -> List.of(line.split(";", -1))).toList();
    assertThat(exported).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("Köln"));
    assertThat(exported.stream().map(row -> row.subList(1, row.size())).toList()).isEqualTo(shown);
    assertThat(String.join("\n", lines)).doesNotContain(koelnCase, closedCase, bonnCase, banCheck.getId());

    oldest.locator("a.case-link").click();
    // A link within Cockpit: the hash changes, no page load.
    assertThat(board.page()).hasURL(Pattern.compile(".*#/process-instance/" + koelnInstance + ".*"));
    assertThat(board.page().getByText(koelnCase).first()).isVisible();
    board.step("case-opened-from-board");

    Cockpit dashboard = browser.cockpit("supervisor").dashboard();
    assertThat(dashboard.boardFigure(POLICE_KOELN, "overdue")).isEqualTo(overdueBefore + 1);
    assertThat(dashboard.page().locator("a.board-page-link")).hasText("Zur Fristenübersicht");
    dashboard.step("dashboard-section");

    Cockpit administrator = browser.cockpit("demo").deadlineBoard();
    administrator.page().locator("#intervention-board-district").selectOption("bonn");
    assertThat(administrator.page().locator(".intervention-board")).hasAttribute("data-district", "bonn");
    assertThat(administrator.boardAgency("policeBonn").locator("th")).hasText("Polizei Bonn");
    assertThat(administrator.boardFigure("policeBonn", "overdue")).isPositive();
    administrator.step("administrator-chooses-bonn");
  }

  private static void moveDueDate(TaskService tasks, Task task, Instant due) {
    task.setDueDate(Date.from(due));
    tasks.saveTask(task);
  }
}
