package de.nrw.intervention.reminder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadline reminders and escalations (docs/REMINDERS.md). The mail server itself is {@code spring.mail.*}.
 *
 * @param enabled           off: no deadline jobs are planned; jobs already planned finish without mail
 * @param from              sender address of every reminder
 * @param lead              how long before the due date the reminder goes out, unless the user task has a
 *                          {@code reminderLead} extension property
 * @param retryCycle        the engine's retry cycle for a deadline job whose mail could not be sent; after the
 *                          last attempt the job raises an incident visible in Cockpit
 * @param locale            language of the mails (en or de); dates are printed in the platform's zone
 *                          ({@code intervention.time-zone}), in German as {@code 05.12.2026, 17:00 Uhr}
 * @param tasklistBaseUrl   Tasklist as the recipients reach it; the mail links {@code <base>/#/?task=<id>}
 * @param escalationGroupOutput output column of the routing decision ({@code intervention.routing.decision})
 *                          naming the group that receives escalations
 * @param demoMail          the demo profile's embedded SMTP server
 * @param smtp              how SMTP connections are kept open between mails
 */
@ConfigurationProperties("intervention.reminders")
record ReminderProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("reminders@intervention.example") String from,
    @DefaultValue("PT24H") Duration lead,
    @DefaultValue("R5/PT5M") String retryCycle,
    @DefaultValue("de") Locale locale,
    @DefaultValue("http://localhost:8080/camunda/app/tasklist/default") String tasklistBaseUrl,
    @DefaultValue("policeSupervisorGroup") String escalationGroupOutput,
    @DefaultValue DemoMail demoMail,
    @DefaultValue Smtp smtp) {

  /**
   * @param enabled   start GreenMail on {@code spring.mail.port} (demo profile only)
   * @param directory every sent mail is also written there as an .eml file
   */
  record DemoMail(@DefaultValue("true") boolean enabled, @DefaultValue("data/mail") Path directory) { }

  /**
   * @param poolSize                    SMTP connections kept open between mails (one per job thread is enough);
   *                                    0: a new connection for every mail
   * @param maxIdle                     an open connection unused this long is closed (stay below the server's own
   *                                    idle timeout, typically 5 minutes)
   * @param maxMessagesPerConnection    after this many mails a connection is closed and a new one opened (many
   *                                    servers limit mails per connection)
   */
  record Smtp(@DefaultValue("8") int poolSize, @DefaultValue("30s") Duration maxIdle,
      @DefaultValue("100") int maxMessagesPerConnection) { }

  String taskLink(String taskId) {
    String base = tasklistBaseUrl.endsWith("/") ? tasklistBaseUrl.substring(0, tasklistBaseUrl.length() - 1) : tasklistBaseUrl;
    return base + "/#/?task=" + taskId;
  }
}
