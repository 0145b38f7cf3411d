package de.nrw.intervention.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;

/** Camunda Cockpit, as one logged-in user sees it. */
final class Cockpit {

  private final Page page;
  private final String baseUrl;
  private final BrowserSession session;
  private final WebAppLanguage language;

  Cockpit(Page page, String baseUrl, BrowserSession session, WebAppLanguage language) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.session = session;
    this.language = language;
  }

  Cockpit login(String user) {
    WebAppLogin.signIn(page, baseUrl + "/camunda/app/cockpit/default/", user);
    page.getByText(language.cockpitProcesses).first().waitFor();
    return this;
  }

  /** The "Processes" page: one row per deployed process, with its running instances. */
  Cockpit processes() {
    page.navigate(baseUrl + "/camunda/app/cockpit/default/#/processes");
    processRow("").first().waitFor();
    return this;
  }

  Locator processRow(String name) {
    return page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText(name));
  }

  /** Opens a process definition's runtime view: diagram and the list of its instances. */
  Cockpit openProcess(String name) {
    page.getByRole(AriaRole.LINK,
        new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    page.waitForURL("**/process-definition/**");
    page.locator(".djs-container svg").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  /** A row of the "Process Instances" tab of the open process definition (it fills in after the diagram). */
  Locator instanceRow(String businessKey) {
    return instanceRows().filter(new Locator.FilterOptions().setHasText(businessKey));
  }

  Locator instanceRows() {
    return page.locator("table.process-instances tbody tr");
  }

  /** Opens the instance with this business key: its diagram marks the activities it waits in. */
  Cockpit openInstance(String businessKey) {
    instanceRow(businessKey).locator("a").first().click();
    page.waitForURL("**/process-instance/**");
    page.getByText(language.cockpitBusinessKey).waitFor();
    page.getByText(language.loadingDiagram).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    page.locator(".djs-container svg").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  /** What a link to a case (or a typed URL) does: opens the instance view, or says why it cannot. */
  Cockpit navigateToInstance(String processInstanceId) {
    page.navigate(baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  /** The "User Tasks" tab of the open instance: its open user tasks with assignee, dates and task id. */
  Cockpit userTasksTab() {
    // Within the tabs: in German the tab ("Tasks") has the name of the header's link to the task dashboard.
    page.locator(".nav-tabs").getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName(language.cockpitUserTasks).setExact(true)).click();
    userTaskRows().first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  Locator userTaskRows() {
    return page.locator("table.user-tasks tbody tr");
  }

  Locator userTaskRow(String taskName) {
    return userTaskRows().filter(new Locator.FilterOptions().setHas(
        page.locator("td.activity").getByText(taskName, new Locator.GetByTextOptions().setExact(true))));
  }

  /** Cockpit's pop-up messages, e.g. why an instance cannot be shown. */
  Locator notifications() {
    return page.locator(".page-notifications");
  }

  /** The badge Cockpit's diagram puts on an activity that has running instances. */
  Locator runningBadge(String activityId) {
    return page.locator(".djs-overlays[data-container-id='" + activityId + "'] .badge.instance-count");
  }

  /** The deadline board's page (plugin intervention-deadline-board), once its figures are shown. */
  Cockpit deadlineBoard() {
    page.navigate(baseUrl + "/camunda/app/cockpit/default/#/fristen");
    return awaitBoard();
  }

  /** Opens the dashboard and waits for the board's section on it. */
  Cockpit dashboard() {
    page.navigate(baseUrl + "/camunda/app/cockpit/default/#/dashboard");
    return awaitBoard();
  }

  /** Shows the board again, with fresh figures. */
  Cockpit reload() {
    page.reload();
    return awaitBoard();
  }

  private Cockpit awaitBoard() {
    page.locator(".intervention-board table.board-agencies").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  /** The board's row of an agency group ({@code policeKoeln}). */
  Locator boardAgency(String groupId) {
    return page.locator("table.board-agencies tr[data-group='" + groupId + "']");
  }

  /** One figure of an agency's row, e.g. {@code overdue}. */
  long boardFigure(String groupId, String figure) {
    return Long.parseLong(boardAgency(groupId).locator("td[data-figure='" + figure + "']").innerText().trim());
  }

  /** The compliance table's rows as shown: the text of every cell. */
  java.util.List<java.util.List<String>> boardComplianceRows() {
    return page.locator("table.board-compliance tbody tr").all().stream()
        .map(row -> row.locator("td").allInnerTexts().stream().map(String::trim).toList())
        .toList();
  }

  void step(String name) {
    session.step(page, name);
  }

  Page page() {
    return page;
  }

  WebAppLanguage language() {
    return language;
  }
}
