package de.nrw.intervention.calendar;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone of every computed deadline ("end of the day", "10th day after the order") and of every
 *     date a user reads (forms, task comments, mails, refusals); never the JVM's default, which is UTC in the
 *     container image
 */
@ConfigurationProperties("intervention")
record CalendarProperties(@DefaultValue("Europe/Berlin") ZoneId timeZone) {
}
