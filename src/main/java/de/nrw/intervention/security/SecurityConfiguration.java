package de.nrw.intervention.security;

import jakarta.servlet.Filter;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * The engine plugin (password policy) and the guards in front of the engine's API.
 * Filter order matters: the guards run inside {@link RestAuthenticationConfiguration#AUTHENTICATION_ORDER}, so
 * they know the REST caller; web-app callers they read from the session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final String REST = "/engine-rest/*";

  @Bean
  ProcessEnginePlugin engineHardeningPlugin(SecurityProperties properties) {
    return new EngineHardeningPlugin(properties);
  }

  @Bean
  FilterRegistrationBean<ApiRequestGuard> apiRequestGuard(SecurityProperties properties,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    return register(new ApiRequestGuard(properties), 10, REST, webapps + "/api/*");
  }

  // The engine is looked up on the first request, not when the web server starts: filters must not change
  // when the engine is built (nodes sharing a new database rely on the usual startup order). Then it is kept:
  // resolving the bean through the provider on every request costs a bean-factory lookup each time.

  @Bean
  FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(ObjectProvider<ProcessEngine> engine) {
    return register(new ActuatorAccessFilter(firstRequest(engine)), 0, "/actuator", "/actuator/*");
  }

  @Bean
  FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(SecurityProperties properties,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    return register(new SessionLifetimeFilter(properties), -10, webapps + "/*");
  }

  /** Outermost on the web apps and the actuator: their own user checks may meet a directory outage (profile ldap). */
  @Bean
  FilterRegistrationBean<DirectoryOutageFilter> directoryOutageFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    return register(new DirectoryOutageFilter(), -20, webapps + "/*", "/actuator", "/actuator/*");
  }

  private static Supplier<ProcessEngine> firstRequest(ObjectProvider<ProcessEngine> engine) {
    return SingletonSupplier.of(engine::getObject);
  }

  private static <F extends Filter> FilterRegistrationBean<F> register(F filter, int order, String... urlPatterns) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setName(filter.getClass().getSimpleName());
    registration.setOrder(order);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }
}
