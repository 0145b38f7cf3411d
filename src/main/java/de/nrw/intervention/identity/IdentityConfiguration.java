package de.nrw.intervention.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

  /** After the model deployment (highest precedence), before anything that sends mail to users. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  ApplicationRunner seedIdentities(IdentityProperties properties, IdentityService identityService,
      AuthorizationService authorizationService, FilterService filterService, TaskService taskService) {
    return args -> {
      Grants grants = new Grants(authorizationService);
      new AgencyDirectory(identityService, grants, properties.districts()).ensureGroups();
      new TasklistFilters(filterService, taskService, grants).ensureFilters();
      if (properties.seedDemoUsers()) {
        new DemoUsers(identityService).ensureUsers();
      }
    };
  }
}
