package de.nrw.intervention.domesticviolence;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates for the process model: the return ban under §34a PolG NRW (timers) and due dates from form fields.
 *
 * <p>The ban ends at the end of the 10th day after the order, counting starts the following day; an application to
 * the family court extends it until the decision, at most 10 more days (§34a PolG NRW). These periods are
 * statutory, not local practice, so they are not in the deadlines table. Days are calendar days in the platform's
 * zone ({@code intervention.time-zone}, Europe/Berlin).
 *
 * <p>Date-times arrive as {@link Date} (Java API), or as ISO strings from Camunda Forms: with offset
 * ({@code 2026-11-24T22:30+01:00}), UTC ({@code 2026-11-24T21:30Z}) or without a zone ({@code 2026-11-24T22:30},
 * read in the platform's zone).
 *
 * <p>Public because the process model calls it through JUEL, which only invokes methods of public classes.
 */
@Component("caseDates")
public class CaseDates {

  static final int BAN_DAYS = 10;
  static final int MAX_EXTENSION_DAYS = 10;

  private final PlatformCalendar calendar;
  private final ZoneId zone;

  CaseDates(PlatformCalendar calendar) {
    this.calendar = calendar;
    this.zone = calendar.zone();
  }

  /** The instant the ban ends: midnight after the 10th day following the day of the order. */
  public Date banEnd(Object orderDateTime) {
    return Date.from(endOfDayAfter(orderDateTime, BAN_DAYS).toInstant());
  }

  /** The latest end after an application to the family court: 10 more days. */
  public Date latestExtendedBanEnd(Object orderDateTime) {
    return Date.from(endOfDayAfter(orderDateTime, BAN_DAYS + MAX_EXTENSION_DAYS).toInstant());
  }

  /**
   * The ban's end as the law phrases it, for forms and task texts: {@code Das Rückkehrverbot endet mit Ablauf des
   * 05.12.2026.} (an order of 25.11.2026; the timer fires at 06.12.2026 00:00).
   */
  public String banEndText(Object orderDateTime) {
    return "Das Rückkehrverbot endet mit Ablauf des " + calendar.date(lastDayAfter(orderDateTime, BAN_DAYS)) + ".";
  }

  /** The latest end after an application to the family court, as the law phrases it. */
  public String latestExtendedBanEndText(Object orderDateTime) {
    return "Beantragt die gefährdete Person innerhalb der Frist Schutz beim Familiengericht (§ 1 GewSchG), endet es mit "
        + "der Entscheidung des Gerichts, spätestens mit Ablauf des "
        + calendar.date(lastDayAfter(orderDateTime, BAN_DAYS + MAX_EXTENSION_DAYS)) + ".";
  }

  /** {@code dateTime} plus an ISO 8601 period or duration such as {@code P3D} or {@code PT12H}. */
  public Date plus(Object dateTime, String isoPeriod) {
    ZonedDateTime start = parse(dateTime);
    if (isoPeriod == null || isoPeriod.isBlank()) {
      throw new IllegalArgumentException("eine Frist wie P3D wird benötigt");
    }
    String period = isoPeriod.trim();
    ZonedDateTime due = period.contains("T") ? start.plus(Duration.parse(period)) : start.plus(Period.parse(period));
    return Date.from(due.toInstant());
  }

  /** A form date-time as {@link Date}, for due dates taken from a field. */
  public Date at(Object dateTime) {
    return Date.from(parse(dateTime).toInstant());
  }

  private ZonedDateTime endOfDayAfter(Object orderDateTime, int days) {
    return lastDayAfter(orderDateTime, days).plusDays(1).atStartOfDay(zone);
  }

  /** The {@code days}th day after the order's day, counted from the following day: the period ends with it. */
  private LocalDate lastDayAfter(Object orderDateTime, int days) {
    return parse(orderDateTime).toLocalDate().plusDays(days);
  }

  ZonedDateTime parse(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone);
    }
    if (value instanceof Instant instant) {
      return instant.atZone(zone);
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return calendar.parse(text);
      } catch (DateTimeParseException notIso) {
        throw new IllegalArgumentException("'" + text.trim() + "' ist kein Zeitpunkt nach ISO 8601 (z. B. 2026-03-10T21:45+01:00)", notIso);
      }
    }
    throw new IllegalArgumentException("ein Zeitpunkt (Datum und Uhrzeit) wird benötigt, angegeben war: " + value);
  }
}
