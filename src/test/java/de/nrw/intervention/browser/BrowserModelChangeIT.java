package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4 of issue 8: a designer renames a task in {@code processes/} and restarts the app; new cases show the
 * new name in Tasklist, running cases keep their version. Restarts the shared app: other browser classes look up
 * their tasks by id, not by this task's name, so they do not care whether they run before or after.
 */
@BrowserTest
class BrowserModelChangeIT {

  private static final String OLD_NAME = "Fall abschließen";
  private static final String NEW_NAME = "Fall abschließen und die Stellen informieren";

  @Test
  void changedTaskName_showsInNewCases_runningCaseKeepsItsVersion(BrowserSession browser, RunningApp app) {
    Cases before = new Cases(app);
    ProcessInstance oldCase = before.domesticViolenceWithoutMeasures("KOE-2026-840001", "koeln");
    String oldTask = BrowserDomesticViolenceCaseIT.task(app, "KOE-2026-840001", Elements.CLOSE_CASE).getId();

    app.changeProcessModelAndRestart(DomesticViolenceIntervention.PROCESS_KEY + ".bpmn",
        bpmn -> bpmn.replace("name=\"" + OLD_NAME + "\"", "name=\"" + NEW_NAME + "\""));

    ProcessInstance newCase = new Cases(app).domesticViolenceWithoutMeasures("KOE-2026-840002", "koeln");
    String newTask = BrowserDomesticViolenceCaseIT.task(app, "KOE-2026-840002", Elements.CLOSE_CASE).getId();

    Tasklist officer = browser.tasklist("officer").filter(MY_AGENCY);
    assertThat(officer.taskLink(newTask)).hasText(NEW_NAME);
    assertThat(officer.taskLink(oldTask)).hasText(OLD_NAME);
    officer.step("new-name-for-new-case-old-name-for-running-case");

    RepositoryService repository = app.bean(RepositoryService.class);
    int oldVersion = repository.getProcessDefinition(oldCase.getProcessDefinitionId()).getVersion();
    int newVersion = repository.getProcessDefinition(newCase.getProcessDefinitionId()).getVersion();
    assertThat(newVersion).isEqualTo(oldVersion + 1);
  }
}
