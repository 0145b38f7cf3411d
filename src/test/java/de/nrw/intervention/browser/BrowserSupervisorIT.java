package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.nrw.intervention.browser.Tasklist.DISTRICT_OVERDUE;
import static de.nrw.intervention.browser.Tasklist.DUE_SOON;
import static de.nrw.intervention.browser.Tasklist.MY_AGENCY;
import static de.nrw.intervention.browser.Tasklist.MY_TASKS;
import static de.nrw.intervention.browser.Tasklist.OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.TimeoutError;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: a police supervisor follows an escalation mail into Tasklist (reads the overdue task, cannot work it)
 * and Cockpit (the case's user tasks and their due dates), and sees nothing of another district.
 */
@BrowserTest
class BrowserSupervisorIT {

  private static final String DOMESTIC_VIOLENCE = "Intervention bei häuslicher Gewalt (§34a PolG NRW)";
  private static final String SUPERVISOR_MAIL = "supervisor@polizei-koeln.example";
  /** Tasklist's tooltip on a due date (camDate 'long', our config.js), in the browser's Berlin time. */
  private static final DateTimeFormatter TASKLIST_LONG_DATE =
      DateTimeFormatter.ofPattern("EEEE, dd.MM.yyyy HH:mm", Locale.GERMAN).withZone(Cases.NRW);
  /**
   * Cockpit's "User Tasks" tab prints due dates as ISO local date-times in the browser's time zone: a fixed format of
   * Camunda's inline-edit widget that config.js's dateFormat does not reach (docs/ACCESSIBILITY.md).
   */
  private static final DateTimeFormatter COCKPIT_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(Cases.NRW);

  @Test
  void supervisor_opensEscalationLink_readsTaskButCannotClaimIt_districtFilterAndCockpitShowOnlyKoeln(
      BrowserSession browser, RunningApp app) throws Exception {
    Cases cases = new Cases(app);
    String koelnCase = "KOE-2026-860001";
    String bonnCase = "BN-2026-860002";
    String koelnInstance = cases.domesticViolenceWithExpulsionOrderAndChild(koelnCase, "koeln").getId();
    String bonnInstance = cases.domesticViolenceWithExpulsionOrder(bonnCase, "bonn").getId();
    // The Jugendamt's task, not a police one: the supervisor reads it only through the district grant.
    Instant due = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    Task overdue = moveDueDate(app, koelnCase, Elements.ASSESS_CHILD_RISK, due);
    // Overdue as well, so that a filter not limited to the district would show it.
    Task bonnOverdue = moveDueDate(app, bonnCase, Elements.CHECK_BAN_COMPLIANCE, due);

    // The due date in the past makes the escalation job due at once; the link is taken from the mail it sends.
    String link = escalationLink(app.bean(GreenMail.class), overdue.getId());
    assertThat(link).isEqualTo(app.tasklistUrl() + "/#/?task=" + overdue.getId());

    Tasklist supervisor = browser.tasklistLink(link, "supervisor");
    assertThat(supervisor.openTaskName()).hasText("Gefährdungseinschätzung für die Kinder vornehmen (§8a SGB VIII)");
    assertThat(supervisor.page().getByText(supervisor.language().taskNotExist)).hasCount(0);
    assertThat(supervisor.openTaskDueDate()).hasText("vor 3 Stunden");
    assertThat(supervisor.openTaskDueDate()).hasClass(Pattern.compile("\\boverdue\\b"));
    assertThat(supervisor.openTaskDueDateTooltip()).isEqualTo(TASKLIST_LONG_DATE.format(due));
    supervisor.step("escalation-link-opens-task");

    CamundaForm form = supervisor.openTaskForm();
    assertThat(form.field("Aktenzeichen der Polizei")).hasValue(koelnCase);
    assertThat(supervisor.completeButton()).isDisabled();
    // Tasklist lays a pane over the form of a task not assigned to the user: the field cannot be clicked into.
    assertThatThrownBy(() -> form.field("Vermerke zur Einschätzung").click(new Locator.ClickOptions().setTimeout(2_000)))
        .isInstanceOf(TimeoutError.class).hasMessageContaining("intercepts pointer events");
    supervisor.step("form-read-only-complete-disabled");

    // Tasklist offers "Claim" on every unassigned task; the engine refuses it for a user who may only read.
    supervisor.claimButton().click();
    assertThat(supervisor.notifications()).containsText(supervisor.language().claimError);
    assertThat(supervisor.notifications()).containsText("does not have one of the following permissions: 'TASK_WORK'");
    assertThat(supervisor.claimButton()).isVisible();
    assertThat(supervisor.completeButton()).isDisabled();
    supervisor.step("claim-refused");
    assertThat(assigneeAsSeenByDemo(app, overdue.getId())).isEmpty();
    supervisor.dismissNotifications();

    supervisor.filter(DISTRICT_OVERDUE);
    assertThat(supervisor.filterNames()).containsExactly(MY_TASKS, MY_AGENCY, DUE_SOON, OVERDUE, DISTRICT_OVERDUE);
    assertThat(supervisor.taskLink(overdue.getId())).hasText("Gefährdungseinschätzung für die Kinder vornehmen (§8a SGB VIII)");
    assertThat(supervisor.taskCard(overdue.getId()).locator(".due-date")).hasClass(Pattern.compile("\\boverdue\\b"));
    List<String> listed = supervisor.taskIds();
    assertThat(listed).contains(overdue.getId()).doesNotContain(bonnOverdue.getId());
    assertThat(listed).allSatisfy(id -> assertThat(district(app, id)).isEqualTo("koeln"));
    supervisor.step("district-overdue-filter");

    Tasklist officer = browser.tasklist("officer");
    assertThat(officer.filterNames()).containsExactly(MY_TASKS, MY_AGENCY, DUE_SOON, OVERDUE);
    officer.step("officer-has-no-district-filter");

    Cockpit cockpit = browser.cockpit("supervisor").processes().openProcess(DOMESTIC_VIOLENCE);
    assertThat(cockpit.instanceRow(koelnCase)).isVisible();
    assertThat(cockpit.instanceRow(bonnCase)).hasCount(0);
    cockpit.openInstance(koelnCase).userTasksTab();
    List<Task> open = app.bean(TaskService.class).createTaskQuery().processInstanceId(koelnInstance).list();
    assertThat(open).hasSizeGreaterThanOrEqualTo(2);
    assertThat(cockpit.userTaskRows()).hasCount(open.size());
    for (Task task : open) {
      Locator row = cockpit.userTaskRow(task.getName());
      assertThat(row.locator("td.due")).hasText(COCKPIT_DATE.format(task.getDueDate().toInstant()));
      assertThat(row.locator("td.task-id")).containsText(task.getId());
    }
    assertThat(cockpit.userTaskRow(overdue.getName()).locator("td.due")).hasText(COCKPIT_DATE.format(due));
    cockpit.step("koeln-case-user-tasks-with-due-dates");

    cockpit.navigateToInstance(bonnInstance);
    assertThat(cockpit.notifications()).containsText(cockpit.language().noRunningInstance + bonnInstance);
    cockpit.step("bonn-case-not-shown");
  }

  private static Task moveDueDate(RunningApp app, String caseReference, String taskDefinitionKey, Instant due) {
    Task task = BrowserDomesticViolenceCaseIT.task(app, caseReference, taskDefinitionKey);
    task.setDueDate(Date.from(due));
    app.bean(TaskService.class).saveTask(task);
    return task;
  }

  /** The Tasklist link of the escalation mail the district's supervisor got for this task. */
  private static String escalationLink(GreenMail mail, String taskId) {
    Pattern link = Pattern.compile("(\\S+/#/\\?task=" + Pattern.quote(taskId) + ")(?!\\S)");
    return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mail.getReceivedMessages())
        .filter(BrowserSupervisorIT::toSupervisor)
        .map(BrowserSupervisorIT::plainText)
        .map(link::matcher).filter(Matcher::find).map(found -> found.group(1))
        .findFirst(), Optional::isPresent).orElseThrow();
  }

  private static boolean toSupervisor(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(to -> SUPERVISOR_MAIL.equals(((InternetAddress) to).getAddress()));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plainText(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
          text.append(plainText(multipart.getBodyPart(i)));
        }
        return text.toString();
      }
      return "";
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The task as the administrator sees it over REST: its assignee, if any. */
  private static Optional<String> assigneeAsSeenByDemo(RunningApp app, String taskId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/engine-rest/task/" + taskId))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").GET().build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode task = new ObjectMapper().readTree(response.body());
    assertThat(task.path("id").asText()).isEqualTo(taskId);
    return task.hasNonNull("assignee") ? Optional.of(task.get("assignee").asText()) : Optional.empty();
  }

  private static String district(RunningApp app, String taskId) {
    Task task = app.bean(TaskService.class).createTaskQuery().taskId(taskId).singleResult();
    return (String) app.bean(RuntimeService.class).getVariable(task.getProcessInstanceId(), "district");
  }
}
