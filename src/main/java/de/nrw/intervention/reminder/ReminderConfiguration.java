package de.nrw.intervention.reminder;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.routing.DistrictRouting;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  DeadlineEnginePlugin deadlineEnginePlugin(ReminderProperties properties, DeadlineNotifier deadlineNotifier,
      SentReminders sentReminders) {
    return new DeadlineEnginePlugin(properties,
        new DeadlineJobHandler(properties.enabled(), deadlineNotifier, sentReminders), sentReminders);
  }

  /** For every job, not only deadline jobs: reminders are most of them, and all share one acquisition. */
  @Bean
  JobAcquisition jobAcquisition() {
    return new JobAcquisition();
  }

  /** On the application's pool itself: a record is committed outside the job's transaction (see SentReminders). */
  @Bean
  SentReminders sentReminders(DataSource dataSource, CamundaBpmProperties camunda) {
    return new SentReminders(dataSource, camunda.getDatabase().getTablePrefix(), Clock.systemUTC());
  }

  /** Also the {@link DueDateChangeMail} of the deadline-change rule, so both send through one mailer. */
  @Bean
  DeadlineNotifier deadlineNotifier(ReminderProperties properties, JavaMailSenderImpl mailSender,
      SmtpConnectionPool reminderSmtpConnections, MeterRegistry meterRegistry,
      ObjectProvider<ReminderMailer.SentMailArchive> archive, DistrictRouting routing,
      PlatformCalendar calendar, SentReminders sentReminders) {
    checkRetryCycle(properties.retryCycle());
    ReminderMailer mailer = new ReminderMailer(mailSender, reminderSmtpConnections,
        new MailTemplates(properties.locale()), properties.from(),
        archive.getIfAvailable(() -> ReminderMailer.SentMailArchive.NONE));
    return new DeadlineNotifier(new RecipientResolver(routing, properties.escalationGroupOutput()),
        mailer, properties, new ReminderMetrics(meterRegistry), calendar, sentReminders);
  }

  /** Closed with the context, after the job executor: QUIT on every idle connection. */
  @Bean(destroyMethod = "close")
  SmtpConnectionPool reminderSmtpConnections(JavaMailSenderImpl mailSender, ReminderProperties properties) {
    MailStreamProviderShortcut.install();
    ReminderProperties.Smtp smtp = properties.smtp();
    return new SmtpConnectionPool(mailSender, smtp.poolSize(), smtp.maxIdle(), smtp.maxMessagesPerConnection(),
        Clock.systemUTC());
  }

  /** Fails at startup rather than at the first mail outage. */
  private static void checkRetryCycle(String retryCycle) {
    try {
      ParseUtil.parseRetryIntervals(retryCycle);
      new DurationHelper(retryCycle.split(",")[0].trim());
    } catch (Exception e) {
      throw new IllegalArgumentException("intervention.reminders.retry-cycle must be an ISO-8601 repeat such as "
          + "R5/PT5M, not '" + retryCycle + "'", e);
    }
  }
}
