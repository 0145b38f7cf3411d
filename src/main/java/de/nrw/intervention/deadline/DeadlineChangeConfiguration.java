package de.nrw.intervention.deadline;

import de.nrw.intervention.reminder.DueDateChangeMail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadlineChangeConfiguration {

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  DeadlineChangeEnginePlugin deadlineChangeEnginePlugin(DueDateChangeMail mail) {
    return new DeadlineChangeEnginePlugin(mail);
  }
}
