package de.nrw.intervention.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter serves /engine-rest without authentication; every call must name a user so that the
 * engine's authorizations (need to know) apply. HTTP Basic against the engine's identity service, with
 * successful checks remembered for {@code intervention.security.rest-authentication-cache-time}
 * ({@link CachedBasicAuthenticationProvider}); an agency's SSO replaces the provider (see README, Security).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

  /** Before the API guards of {@link SecurityConfiguration}, which need to know the caller. */
  static final int AUTHENTICATION_ORDER = 0;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(SecurityProperties properties) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new RestAuthenticationFilter(
            new CachedBasicAuthenticationProvider(properties.restAuthenticationCacheTime(), System::nanoTime)));
    registration.setName("engine-rest-authentication");
    // Read by Camunda's init; RestAuthenticationFilter then puts the configured provider in its place.
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }
}
