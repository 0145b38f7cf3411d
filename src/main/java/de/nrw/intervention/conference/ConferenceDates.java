package de.nrw.intervention.conference;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates and timers of the conference models, from the meeting's date-time (an ISO string from the start form or
 * the series) and the action deadlines (ISO dates from the result form). Days in the platform's zone.
 *
 * <p>Public because the process models call it through JUEL, which only invokes methods of public classes.
 */
@Component("conferenceDates")
public class ConferenceDates {

  private final PlatformCalendar calendar;
  private final Period preparationLead;

  ConferenceDates(PlatformCalendar calendar, ConferenceProperties properties) {
    this.calendar = calendar;
    this.preparationLead = properties.preparationLead();
  }

  /** The meeting as an instant, for the timer that ends the preparation when the conference begins. */
  public Date at(Object dateTime) {
    return Date.from(parse(dateTime).toInstant());
  }

  /**
   * The preparation's due date: the configured lead before the meeting; for an ad-hoc conference called at shorter
   * notice the meeting itself, so a task is never created overdue.
   */
  public Date preparationDue(Object meeting) {
    ZonedDateTime start = parse(meeting);
    ZonedDateTime due = start.minus(preparationLead);
    return Date.from((due.toInstant().isAfter(ClockUtil.getCurrentTime().toInstant()) ? due : start).toInstant());
  }

  /** The last millisecond of the day: a task due "on the day" is not overdue during it. */
  public Date endOfDay(Object dateOrDateTime) {
    ZonedDateTime day = parse(dateOrDateTime).toLocalDate().plusDays(1).atStartOfDay(calendar.zone());
    return Date.from(day.minusNanos(1_000_000).toInstant());
  }

  ZonedDateTime parse(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(calendar.zone());
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return calendar.parse(text);
      } catch (DateTimeParseException notIso) {
        throw new IllegalArgumentException("'" + text.trim() + "' ist kein Datum nach ISO 8601 (z. B. 2026-12-15)",
            notIso);
      }
    }
    throw new IllegalArgumentException("ein Datum wird benötigt, angegeben war: " + value);
  }
}
