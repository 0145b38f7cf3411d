package de.nrw.intervention.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Health, metrics, business-event logging and shutdown of the job executor. See docs/OPERATIONS.md. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  static final String READINESS = "intervention.health.readiness";

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

  /** For failures whose cause does not say whether the database is gone (DatabaseUnavailable). */
  @Bean
  DatabaseProbe databaseProbe(DataSource dataSource) {
    return new DatabaseProbe(dataSource, Clock.systemUTC()).install();
  }

  /** Outside every other filter (the directory outage filter is at -20), so a password check's outage is caught too. */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
    registration.setName(DatabaseOutageFilter.class.getSimpleName());
    registration.setOrder(-30);
    registration.addUrlPatterns("/engine-rest/*", webapps + "/*", "/actuator", "/actuator/*");
    return registration;
  }

  @Bean
  JobExecutorShutdown jobExecutorShutdown(ApplicationContext context, ProcessEngineConfigurationImpl engine,
      OperationsProperties properties) {
    return new JobExecutorShutdown(context, engine, properties);
  }

  /**
   * Readiness as a metric, so the same Prometheus scrape can alert on it without a separate HTTP
   * probe. Evaluated per scrape: the readiness checks are a connection check and two flags, no query
   * over case data.
   */
  @Bean
  MeterBinder readinessGauge(HealthEndpoint health) {
    return registry -> Gauge.builder(READINESS, health, OperationsConfiguration::readinessUp)
        .description("1 while /actuator/health/readiness is UP (database, process engine, job executor), else 0")
        .register(registry);
  }

  private static double readinessUp(HealthEndpoint health) {
    HealthComponent readiness = health.healthForPath("readiness");
    return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
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
