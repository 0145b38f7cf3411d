package de.nrw.intervention.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The school days of the platform's schools, for deadlines that must be met before a school day starts: bean
 * {@code schoolDays}, e.g. {@code camunda:dueDate="${schoolDays.nextSchoolStart()}"}. A school day is Monday to
 * Friday except the public holidays and school holidays of the calendar file ({@link SchoolCalendarFile}); it starts
 * at the first lesson, in the platform's zone.
 *
 * <p>After the last day the file covers, every weekday counts as a school day: the deadline then falls earlier than
 * it might, never later, and the log says the file needs its next school year.
 */
public final class SchoolDays {

  private static final Logger LOG = LoggerFactory.getLogger(SchoolDays.class);
  /** Longer than any run of days without school (summer holidays are six weeks), so a broken file cannot loop forever. */
  private static final int MAX_DAYS_WITHOUT_SCHOOL = 120;

  private final ZoneId zone;
  private final LocalTime firstLesson;
  private final Set<LocalDate> daysWithoutSchool;
  private final LocalDate coveredUntil;

  /**
   * @param daysWithoutSchool public holidays and every day of the school holidays
   * @param coveredUntil      the last day the calendar lists holidays for
   */
  public SchoolDays(ZoneId zone, LocalTime firstLesson, Set<LocalDate> daysWithoutSchool, LocalDate coveredUntil) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.firstLesson = Objects.requireNonNull(firstLesson, "firstLesson");
    this.daysWithoutSchool = Set.copyOf(daysWithoutSchool);
    this.coveredUntil = Objects.requireNonNull(coveredUntil, "coveredUntil");
  }

  /** The calendar of a school calendar file; public for the process tests of models that use the bean. */
  public static SchoolDays read(Resource calendarFile, ZoneId zone, LocalTime firstLesson) {
    SchoolCalendarFile.Days days = SchoolCalendarFile.read(calendarFile);
    return new SchoolDays(zone, firstLesson, days.withoutSchool(), days.coveredUntil());
  }

  public boolean isSchoolDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !daysWithoutSchool.contains(day);
  }

  /** The start of the next school day after the engine's current time (moved by tests and Cockpit alike). */
  public Date nextSchoolStart() {
    return nextSchoolStart(ClockUtil.getCurrentTime());
  }

  /**
   * The first lesson of the first school day that starts after {@code after}: during lessons that is tomorrow's
   * (or the next school day's), before the first lesson today's.
   */
  public Date nextSchoolStart(Date after) {
    ZonedDateTime from = Instant.ofEpochMilli(after.getTime()).atZone(zone);
    LocalDate day = from.toLocalDate();
    if (!from.toLocalTime().isBefore(firstLesson)) {
      day = day.plusDays(1);
    }
    for (int skipped = 0; skipped <= MAX_DAYS_WITHOUT_SCHOOL; skipped++, day = day.plusDays(1)) {
      if (isSchoolDay(day)) {
        if (day.isAfter(coveredUntil)) {
          LOG.warn("School calendar covers days until {} only; {} counted as a school day. Add the next school year's"
              + " holidays to the calendar file (intervention.school-days.calendar)", coveredUntil, day);
        }
        return Date.from(day.atTime(firstLesson).atZone(zone).toInstant());
      }
    }
    throw new IllegalStateException("No school day within " + MAX_DAYS_WITHOUT_SCHOOL + " days after " + from.toLocalDate()
        + ": check the school calendar file (intervention.school-days.calendar)");
  }

  public LocalDate coveredUntil() {
    return coveredUntil;
  }
}
