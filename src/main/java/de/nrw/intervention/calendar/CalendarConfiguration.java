package de.nrw.intervention.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

  @Bean
  PlatformCalendar platformCalendar(CalendarProperties properties) {
    return new PlatformCalendar(properties.timeZone());
  }

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  PlatformCalendarEnginePlugin platformCalendarEnginePlugin(PlatformCalendar platformCalendar) {
    return new PlatformCalendarEnginePlugin(platformCalendar);
  }
}
