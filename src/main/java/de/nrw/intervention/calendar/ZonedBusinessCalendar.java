package de.nrw.intervention.calendar;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's calendar for due dates and timer durations, in the platform's zone: the engine's own adds an ISO
 * period such as {@code P3M} or {@code P2D} in the JVM's zone, so in the UTC container a quarterly review set at
 * 09:00 in winter fell due at 10:00 in summer, and a date without offset was read as UTC. Anything else (repeats,
 * cron expressions, dates with an offset the engine reads correctly) goes to the engine's calendar.
 */
final class ZonedBusinessCalendar implements BusinessCalendar {

  private final PlatformCalendar calendar;
  private final BusinessCalendar engineCalendar;

  ZonedBusinessCalendar(PlatformCalendar calendar, BusinessCalendar engineCalendar) {
    this.calendar = calendar;
    this.engineCalendar = engineCalendar;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    String text = description == null ? "" : description.trim();
    ZonedDateTime start = (startDate != null ? startDate : ClockUtil.getCurrentTime()).toInstant().atZone(calendar.zone());
    try {
      if (text.startsWith("P")) {
        return Date.from(plus(start, text).toInstant());
      }
      if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
        return Date.from(calendar.parse(text).toInstant());
      }
    } catch (DateTimeParseException | ArithmeticException notForUs) {
      // e.g. a fractional period: the engine's calendar parses more of ISO 8601 (and reports what it cannot)
    }
    return engineCalendar.resolveDuedate(description, startDate);
  }

  /** {@code P1DT12H}: the date part in calendar days of the zone, the time part in exact hours and minutes. */
  static ZonedDateTime plus(ZonedDateTime start, String isoPeriod) {
    int time = isoPeriod.indexOf('T');
    String datePart = time < 0 ? isoPeriod : isoPeriod.substring(0, time);
    ZonedDateTime due = "P".equals(datePart) ? start : start.plus(Period.parse(datePart));
    return time < 0 ? due : due.plus(Duration.parse("P" + isoPeriod.substring(time)));
  }
}
