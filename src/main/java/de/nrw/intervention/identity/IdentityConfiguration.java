package de.nrw.intervention.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityConfiguration.class);

  /** After the model deployment (highest precedence), before anything that sends mail to users. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  ApplicationRunner seedIdentities(IdentityProperties properties, IdentityService identityService,
      AuthorizationService authorizationService, FilterService filterService, TaskService taskService) {
    Runnable seed = () -> {
      Grants grants = new Grants(authorizationService);
      new AgencyDirectory(identityService, grants, properties.agencies(), properties.districts()).ensureGroups();
      new TasklistFilters(filterService, taskService, grants, properties.agencies(), properties.districts()).ensureFilters();
      if (properties.seedDemoUsers()) {
        new DemoUsers(identityService).ensureUsers();
      }
    };
    return args -> seedOnce(seed);
  }

  /**
   * Nodes of a cluster starting together race to create the same groups and users; the loser's insert fails on
   * the unique key. Seeding is idempotent, so running it again finds the winner's rows and completes.
   */
  static void seedOnce(Runnable seed) {
    for (int attempt = 1; ; attempt++) {
      try {
        seed.run();
        return;
      } catch (ProcessEngineException e) {
        if (attempt == 3) {
          throw e;
        }
        LOG.info("Seeding identities raced with another node (attempt {}); trying again", attempt);
      }
    }
  }
}
