package de.nrw.intervention.inbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caseworker inboxes at scale. On by default; {@code intervention.inbox.exists-authorization-check=false} returns to
 * the engine's own task query SQL (for comparison, or if a Camunda upgrade changes the task query before the mapper
 * is regenerated).
 */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "intervention.inbox", name = "exists-authorization-check", matchIfMissing = true)
  ExistsAuthorizationPlugin existsAuthorizationPlugin() {
    return new ExistsAuthorizationPlugin();
  }

  /** Also with the engine's own SQL: the stock comparison runs on the same indexes. */
  @Bean
  InboxIndexes inboxIndexes() {
    return new InboxIndexes();
  }

}
