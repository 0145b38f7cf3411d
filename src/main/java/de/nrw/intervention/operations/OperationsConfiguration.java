package de.nrw.intervention.operations;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Health, metrics, business-event logging and shutdown of the job executor. See docs/OPERATIONS.md. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  BusinessEvents businessEvents(MeterRegistry registry) {
    return new BusinessEvents(registry);
  }

  @Bean
  BusinessEventPlugin businessEventPlugin(BusinessEvents businessEvents) {
    return new BusinessEventPlugin(new BusinessEventHistoryHandler(businessEvents));
  }

  @Bean
  EngineGauges engineGauges(ProcessEngineConfigurationImpl engine, BusinessEvents businessEvents,
      MeterRegistry registry, OperationsProperties properties) {
    EngineStatistics statistics = new EngineStatistics(engine.getDataSource(), engine.getDatabaseTablePrefix(),
        Clock.systemUTC());
    return new EngineGauges(statistics, businessEvents, registry, properties);
  }

  @Bean
  JobExecutorShutdown jobExecutorShutdown(ApplicationContext context, ProcessEngineConfigurationImpl engine,
      OperationsProperties properties) {
    return new JobExecutorShutdown(context, engine, properties);
  }

  /**
   * Named so that Spring Boot's own mail health indicator (which would report DOWN and fail the
   * root health) backs off; this one reports an outage without failing anything.
   */
  @Bean
  HealthIndicator mailHealthContributor(JavaMailSenderImpl mailSender, OperationsProperties properties) {
    return MailServerHealthIndicator.of(new MailHealthIndicator(mailSender), properties);
  }
}
