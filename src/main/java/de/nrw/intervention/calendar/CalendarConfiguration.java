package de.nrw.intervention.calendar;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CalendarProperties.class, SchoolDaysProperties.class})
class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  PlatformCalendar platformCalendar(CalendarProperties properties) {
    return new PlatformCalendar(properties.timeZone());
  }

  /** Named for the models: {@code ${schoolDays.nextSchoolStart()}}. */
  @Bean
  SchoolDays schoolDays(SchoolDaysProperties properties, PlatformCalendar platformCalendar) {
    SchoolDays schoolDays = SchoolDays.read(properties.calendar(), platformCalendar.zone(), properties.firstLesson());
    LocalDate inThreeMonths = LocalDate.now(platformCalendar.zone()).plusMonths(3);
    if (schoolDays.coveredUntil().isBefore(inThreeMonths)) {
      LOG.warn("School calendar {} lists holidays until {} only: add the next school year", properties.calendar()
          .getDescription(), schoolDays.coveredUntil());
    }
    return schoolDays;
  }

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  PlatformCalendarEnginePlugin platformCalendarEnginePlugin(PlatformCalendar platformCalendar) {
    return new PlatformCalendarEnginePlugin(platformCalendar);
  }
}
