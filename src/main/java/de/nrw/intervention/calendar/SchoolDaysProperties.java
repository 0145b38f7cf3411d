package de.nrw.intervention.calendar;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param calendar    the public and school holidays (a YAML file, see {@code school-calendar/nrw.yaml})
 * @param firstLesson when a school day starts, in the platform's zone: deadlines "before the next school day" end then
 */
@ConfigurationProperties("intervention.school-days")
record SchoolDaysProperties(@DefaultValue("classpath:school-calendar/nrw.yaml") Resource calendar,
    @DefaultValue("08:00") LocalTime firstLesson) {
}
