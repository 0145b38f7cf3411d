package de.nrw.intervention.board;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BoardConfiguration {

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  BoardEnginePlugin boardEnginePlugin() {
    return new BoardEnginePlugin();
  }

  @Bean
  DeadlineBoard deadlineBoard(IdentityProperties identity, PlatformCalendar calendar) {
    return new DeadlineBoard(identity.districts(), identity.agencies(), calendar);
  }
}
