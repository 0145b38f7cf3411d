package de.nrw.intervention.deadline;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.reminder.DueDateChangeMail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadlineChangeConfiguration {

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  DeadlineChangeEnginePlugin deadlineChangeEnginePlugin(DueDateChangeMail mail, PlatformCalendar calendar) {
    return new DeadlineChangeEnginePlugin(mail, calendar);
  }
}
