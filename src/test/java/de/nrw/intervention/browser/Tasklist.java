package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import java.util.regex.Pattern;

/** Camunda Tasklist, as one logged-in user sees it. */
final class Tasklist {

  static final String MY_AGENCY = "Offene Aufgaben meiner Stelle";
  static final String DUE_SOON = "Fällig in 2 Tagen";
  static final String OVERDUE = "Überfällig";
  static final String MY_TASKS = "Meine Aufgaben";
  static final String DISTRICT_OVERDUE = "Überfällig in meinem Bezirk";

  /** Our accessibility statement, public (no login), linked from every web app's footer. */
  static final String ACCESSIBILITY_STATEMENT = "/camunda/app/intervention/barrierefreiheit.html";

  private final Page page;
  private final String baseUrl;
  private final BrowserSession session;
  private final WebAppLanguage language;

  Tasklist(Page page, String baseUrl, BrowserSession session, WebAppLanguage language) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.session = session;
    this.language = language;
  }

  Tasklist login(String user) {
    return loginAt(baseUrl + "/camunda/app/tasklist/default/", user);
  }

  Tasklist loginAt(String url, String user) {
    // The first filter's list loads on its own; a filter clicked before it has arrived may show the older answer.
    page.waitForResponse(response -> response.url().matches(".*/filter/[^/]+/list.*"),
        () -> WebAppLogin.signIn(page, url, user));
    page.locator(".task-filter").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  CamundaForm startProcess(String processName) {
    startProcessAction().click();
    page.locator(".modal-dialog ul.processes").getByText(processName).click();
    return new CamundaForm(page.locator(".modal-dialog .fjs-form"));
  }

  /** The header's "Start process" action; hidden from users who may start no process. */
  Locator startProcessAction() {
    return page.locator("a", new Page.LocatorOptions().setHasText(language.startProcess)).first();
  }

  /** The header's "Create task" action (a task outside any case); hidden from all but administrators. */
  Locator createTaskAction() {
    return page.locator(".create-task-action");
  }

  /** The footer link to the accessibility statement that our custom script adds to every web app. */
  Locator statementLink() {
    return page.locator("footer a.intervention-statement");
  }

  Locator startButton() {
    return page.locator(".modal-footer").getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName(language.start).setExact(true));
  }

  void start() {
    startButton().click();
    page.locator(".modal-dialog").waitFor(new Locator.WaitForOptions()
        .setState(WaitForSelectorState.DETACHED));
  }

  /**
   * Opens a filter and waits until its own list has been loaded. Waiting for any filter's list was not enough: the
   * first filter's list, still loading after the login, answered the wait, and the opened filter showed the first
   * filter's tasks (a flaky "due within 2 days" list with only the officer's own task in it).
   */
  Tasklist filter(String name) {
    Locator filter = page.locator(".task-filter").filter(new Locator.FilterOptions().setHasText(name));
    Runnable open = isActive(filter) ? page::reload : () -> filter.locator("a").first().click();
    String ownList = ".*/filter/" + Pattern.quote(session.filterId(name)) + "/list.*";
    page.waitForResponse(response -> response.url().matches(ownList), open);
    assertThat(filter).hasClass(Pattern.compile("\\bactive\\b"));
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  /** The filters offered to this user, top to bottom, without the open filter's task count. */
  List<String> filterNames() {
    return page.locator(".task-filter h4.name a").allInnerTexts().stream()
        .map(name -> name.replaceFirst("\\s*\\(?\\d+\\)?\\s*$", "").trim()).toList();
  }

  private static boolean isActive(Locator filter) {
    return filter.getAttribute("class").matches(".*\\bactive\\b.*");
  }

  /** The ids of the tasks in the open filter's list, read from their links. */
  List<String> taskIds() {
    return tasks().locator("h4.task a").all().stream()
        .map(link -> link.getAttribute("href").replaceFirst(".*[?&]task=", "")).toList();
  }

  Locator taskLink(String taskId) {
    return tasks().locator("h4.task a[href$='task=" + taskId + "']");
  }

  /** The task's card in the list: name, process, due date ("overdue" in red), created. */
  Locator taskCard(String taskId) {
    return tasks().filter(new Locator.FilterOptions().setHas(page.locator("a[href$='task=" + taskId + "']")));
  }

  Locator tasks() {
    return page.locator(".tasks-list li.task");
  }

  /** Opens a task of the list; its Camunda Form is rendered (read-only until the task is claimed). */
  CamundaForm openTask(String taskId) {
    taskLink(taskId).click();
    return openTaskForm();
  }

  /** The Camunda Form of the task shown on the right, e.g. one opened by a link. */
  CamundaForm openTaskForm() {
    return new CamundaForm(page.locator(".task-details .fjs-form, [cam-tasklist-form] .fjs-form").first());
  }

  /** The open task's name, above its process name. */
  Locator openTaskName() {
    return page.locator(".task-card h2.task");
  }

  /** The open task's due date: "in 2 days", "3 hours ago" (red when overdue); hovering shows the date. */
  Locator openTaskDueDate() {
    return page.locator(".task-card .due-date");
  }

  /** The date behind the open task's relative due date, in the tooltip a user gets by hovering over it. */
  String openTaskDueDateTooltip() {
    openTaskDueDate().locator("[am-time-ago]").hover();
    Locator tooltip = page.locator(".tooltip .tooltip-inner").locator("visible=true");
    tooltip.waitFor();
    return tooltip.innerText();
  }

  /** Offered on every unassigned task; whether claiming succeeds is the engine's decision. */
  Locator claimButton() {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language.claim).setExact(true));
  }

  void claim() {
    claimButton().click();
    // Claiming re-renders the form as editable; values typed into the read-only one would be lost.
    page.locator(".disabled-form").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    page.waitForLoadState(LoadState.NETWORKIDLE);
  }

  Locator completeButton() {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language.complete).setExact(true));
  }

  /** Tasklist's own pop-up messages (bottom right), e.g. after a refused completion. */
  Locator notifications() {
    return page.locator(".page-notifications");
  }

  /** Closes Tasklist's pop-up messages; they cover the Complete button until closed. */
  void dismissNotifications() {
    for (Locator close : notifications().getByText("×").locator("visible=true").all()) {
      close.click();
    }
  }

  void complete(String taskId) {
    completeButton().click();
    taskLink(taskId).waitFor(new Locator.WaitForOptions()
        .setState(WaitForSelectorState.DETACHED));
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
