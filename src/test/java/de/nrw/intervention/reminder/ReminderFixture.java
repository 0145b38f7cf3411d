package de.nrw.intervention.reminder;

import static org.awaitility.Awaitility.await;

import de.nrw.intervention.testsupport.SharedRouting;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Cases, users, clock and mail helpers shared by the reminder ITs. */
public final class ReminderFixture {

  static final String PROCESS = "reminder-fixture";
  static final String SHORT_LEAD_PROCESS = "reminder-fixture-short-lead";

  /** Values a real case would carry; none of them may ever reach a mail. */
  static final Map<String, Object> PERSONAL_DATA = Map.of(
      "victimName", "Erika Mustermann",
      "victimAddress", "Musterstrasse 12, 50667 Koeln",
      "victimPhone", "0221 5550199",
      "offenderName", "Max Beispielmann",
      "riskNotes", "threatened her with a knife in front of the children");

  /** A fixed "now" on a whole minute, so due dates and reminder times are easy to reason about. */
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private ReminderFixture() { }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  static ProcessInstance startCase(ProcessEngine engine, String process, String caseReference, String candidateGroup,
      String district, Instant due) {
    Map<String, Object> variables = new HashMap<>(PERSONAL_DATA);
    variables.put("caseReference", caseReference);
    variables.put("candidateGroup", candidateGroup);
    variables.put("district", district);
    variables.put("due", due == null ? null : Date.from(due));
    return engine.getRuntimeService().startProcessInstanceByKey(process, caseReference, variables);
  }

  static Task task(ProcessEngine engine, ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  static void ensureUser(ProcessEngine engine, String id, String email, String groupId) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setEmail(email);
      user.setPassword("test");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }

  static void deployRouting(ProcessEngine engine) {
    SharedRouting.deploy(engine);
  }

  static void awaitNoDueDeadlineJobs(ProcessEngine engine, Duration atMost) {
    try {
      await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() ->
          engine.getManagementService().createJobQuery().executable().withRetriesLeft().list().stream()
              .noneMatch(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())));
    } catch (ConditionTimeoutException e) {
      // What the job executor left behind, for the failure's report.
      System.out.println("Engine clock " + ClockUtil.getCurrentTime().toInstant() + "; jobs:");
      engine.getManagementService().createJobQuery().list().stream().map(JobEntity.class::cast).forEach(job ->
          System.out.println("  " + job.getId() + " " + job.getJobHandlerType() + " due "
              + (job.getDuedate() == null ? null : job.getDuedate().toInstant()) + " retries " + job.getRetries()
              + " lock " + job.getLockOwner() + " until " + job.getLockExpirationTime()
              + " suspended " + job.isSuspended() + " exception " + job.getExceptionMessage()));
      throw e;
    }
  }

  /**
   * After a test: lets due deadline jobs finish, then ends the open cases, whose deadlines would otherwise fire in
   * the next test, which moves the clock again; and gives the engine its clock back.
   */
  static void endOpenCases(ProcessEngine engine, Duration settle) {
    awaitNoDueDeadlineJobs(engine, settle);
    List<String> open = engine.getRuntimeService().createProcessInstanceQuery().list().stream()
        .map(ProcessInstance::getId).toList();
    if (!open.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(open, "test cleanup", false, true);
    }
    ClockUtil.reset();
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded text parts of a message by content type: "text/plain" and "text/html". */
  public static Map<String, String> textParts(MimeMessage message) {
    Map<String, String> parts = new HashMap<>();
    try {
      collect(message, parts);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return parts;
  }

  private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
      parts.put(part.isMimeType("text/plain") ? "text/plain" : "text/html", (String) part.getContent());
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), parts);
      }
    }
  }

  public static List<String> recipients(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return to == null ? List.of() : Arrays.stream(to).map(Address::toString).sorted().toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<MimeMessage> mailsFor(MimeMessage[] received, String caseReference) {
    return Arrays.stream(received).filter(message -> subject(message).contains(caseReference)).toList();
  }
}
