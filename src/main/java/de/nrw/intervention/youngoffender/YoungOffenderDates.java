package de.nrw.intervention.youngoffender;

import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.AGE;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.DATE_OF_BIRTH;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.casefile.InvalidCaseDataException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Date arithmetic for due dates and timers of the young-offender process, called from BPMN expressions
 * ({@code ${youngOffenderDates.before(conferenceDate, schoolReportLead)}}).
 *
 * <p>Form-js date fields arrive as ISO strings ({@code 2026-12-10}), REST clients may send dates or
 * date-times; every method accepts all of them so a due date never depends on which client started the case.
 * Public because JUEL only calls methods of public classes.
 */
@Component("youngOffenderDates")
public class YoungOffenderDates {

  private static final int AGE_LIMIT = 18;
  /** The engine REST API's date format, e.g. {@code 2026-06-30T00:00:00.000+0200}. */
  private static final DateTimeFormatter REST_DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final ZoneId zone;

  /** Days begin and end in the platform's zone, never the JVM's (UTC in the container image). */
  YoungOffenderDates(PlatformCalendar calendar) {
    this.zone = calendar.zone();
  }

  /** The start of the day that lies {@code isoPeriod} (for example {@code P7D}) before {@code date}. */
  public Date before(Object date, String isoPeriod) {
    return Date.from(toLocalDate(date).minus(Period.parse(isoPeriod)).atStartOfDay(zone).toInstant());
  }

  /** The last moment of the day of {@code date}: a task due "on the conference day" is not overdue during it. */
  public Date endOfDay(Object date) {
    return Date.from(toLocalDate(date).plusDays(1).atStartOfDay(zone).minusNanos(1_000_000).toInstant());
  }

  /** Now (engine clock) plus an ISO period such as {@code P1Y}. */
  public Date fromNow(String isoPeriod) {
    return Date.from(now().plus(Period.parse(isoPeriod)).toInstant());
  }

  /** Today (engine clock) plus an ISO period, as an ISO date string that forms can show. */
  public String dateFromNow(String isoPeriod) {
    return now().toLocalDate().plus(Period.parse(isoPeriod)).toString();
  }

  /**
   * The day the young person turns 18: from the date of birth when the case has one; otherwise the earliest
   * day consistent with the age given at the start, so the programme never runs past the 18th birthday.
   */
  public Date eighteenthBirthday(VariableScope variables) {
    Object dateOfBirth = variables.getVariable(DATE_OF_BIRTH);
    LocalDate birthday;
    if (dateOfBirth != null && !"".equals(dateOfBirth)) {
      birthday = toLocalDate(dateOfBirth).plusYears(AGE_LIMIT);
    } else {
      int age = wholeNumber(variables.getVariable(AGE), AGE);
      // someone who is `age` today turns age+1 at the latest in a year, and 18 at the earliest
      // (17 - age) years and one day from now
      birthday = now().toLocalDate().plusYears(AGE_LIMIT - 1L - age).plusDays(1);
    }
    return Date.from(birthday.atStartOfDay(zone).toInstant());
  }

  static int wholeNumber(Object value, String field) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    if (value instanceof String text && text.trim().matches("\\d{1,3}")) {
      return Integer.parseInt(text.trim());
    }
    throw new InvalidCaseDataException(field, "'" + field + "'", "bitte eine ganze Zahl angeben");
  }

  private ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone);
  }

  LocalDate toLocalDate(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof String text && !text.isBlank()) {
      String trimmed = text.trim();
      try {
        return LocalDate.parse(trimmed);
      } catch (DateTimeParseException notADate) {
        try {
          return OffsetDateTime.parse(trimmed).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException notAnOffsetDateTime) {
          try {
            return OffsetDateTime.parse(trimmed, REST_DATE_FORMAT).atZoneSameInstant(zone).toLocalDate();
          } catch (DateTimeParseException notARestDate) {
            try {
              return LocalDateTime.parse(trimmed).toLocalDate();
            } catch (DateTimeParseException notADateTime) {
              // fall through to the error below
            }
          }
        }
      }
    }
    throw new InvalidCaseDataException(String.valueOf(value), "Datum",
        "'" + value + "' ist kein Datum (erwartet wird ISO 8601, z. B. 2026-12-10)");
  }
}
