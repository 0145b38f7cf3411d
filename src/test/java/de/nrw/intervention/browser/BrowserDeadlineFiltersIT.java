package de.nrw.intervention.browser;

import static de.nrw.intervention.browser.Tasklist.DUE_SOON;
import static de.nrw.intervention.browser.Tasklist.OVERDUE;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

/** Scenario 5 of issue 8: the deadline filters follow the tasks' due dates. */
@BrowserTest
class BrowserDeadlineFiltersIT {

  @Test
  void dueSoonAndOverdueFilters_showTheTasksWhoseDueDatesWereMoved(BrowserSession browser, RunningApp app) {
    Cases cases = new Cases(app);
    cases.domesticViolenceWithoutMeasures("KOE-2026-850001", "koeln");
    cases.domesticViolenceWithoutMeasures("KOE-2026-850002", "koeln");
    cases.domesticViolenceWithoutMeasures("KOE-2026-850003", "koeln");
    String dueTomorrow = moveDueDate(app, "KOE-2026-850001", Duration.ofDays(1));
    String overdue = moveDueDate(app, "KOE-2026-850002", Duration.ofHours(-3));
    String dueNextWeek = moveDueDate(app, "KOE-2026-850003", Duration.ofDays(7));

    Tasklist officer = browser.tasklist("officer").filter(DUE_SOON);
    assertThat(officer.taskLink(dueTomorrow)).isVisible();
    assertThat(officer.taskIds()).contains(dueTomorrow).doesNotContain(overdue, dueNextWeek);
    officer.step("due-within-2-days");

    officer.filter(OVERDUE);
    assertThat(officer.taskLink(overdue)).isVisible();
    assertThat(officer.taskIds()).contains(overdue).doesNotContain(dueTomorrow, dueNextWeek);
    assertThat(officer.taskCard(overdue).locator(".due-date"))
        .hasClass(Pattern.compile("\\boverdue\\b"));
    officer.step("overdue");

    Tasklist bonnofficer = browser.tasklist("bonnofficer").filter(OVERDUE);
    assertThat(bonnofficer.taskIds()).doesNotContain(overdue);
  }

  /** What a supervisor or a changed deadline rule does to a task; returns the task's id. */
  private static String moveDueDate(RunningApp app, String caseReference, Duration fromNow) {
    TaskService taskService = app.bean(TaskService.class);
    var task = BrowserDomesticViolenceCaseIT.task(app, caseReference, Elements.CLOSE_CASE);
    task.setDueDate(Date.from(Instant.now().plus(fromNow)));
    taskService.saveTask(task);
    return task.getId();
  }
}
