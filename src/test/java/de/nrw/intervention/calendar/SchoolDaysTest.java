package de.nrw.intervention.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The NRW school calendar as shipped, in Berlin time whatever the JVM's zone. */
class SchoolDaysTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final SchoolDays NRW =
      SchoolDays.read(new ClassPathResource("school-calendar/nrw.yaml"), BERLIN, LocalTime.of(8, 0));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fridayAfternoon_nextSchoolDayIsMonday() {
    assertThat(NRW.nextSchoolStart(berlin("2026-09-11T15:00"))).isEqualTo(berlin("2026-09-14T08:00"));
    assertThat(NRW.nextSchoolStart(berlin("2026-09-12T23:30"))).as("Saturday night").isEqualTo(berlin("2026-09-14T08:00"));
  }

  @Test
  void beforeTheFirstLesson_itIsTodaysStart_fromItOnTomorrows() {
    assertThat(NRW.nextSchoolStart(berlin("2026-09-15T07:59"))).isEqualTo(berlin("2026-09-15T08:00"));
    assertThat(NRW.nextSchoolStart(berlin("2026-09-15T08:00"))).isEqualTo(berlin("2026-09-16T08:00"));
  }

  @Test
  void publicHoliday_isSkipped() {
    // Christi Himmelfahrt, Thursday 14 May 2026
    assertThat(NRW.isSchoolDay(LocalDate.parse("2026-05-14"))).isFalse();
    assertThat(NRW.nextSchoolStart(berlin("2026-05-13T10:00"))).isEqualTo(berlin("2026-05-15T08:00"));
  }

  @Test
  void autumnHolidays_areSkipped_untilTheMondayAfterAllerheiligen() {
    // Herbstferien 17.10.–31.10.2026; 1 November (Allerheiligen) is a Sunday.
    assertThat(NRW.nextSchoolStart(berlin("2026-10-16T11:00"))).isEqualTo(berlin("2026-11-02T08:00"));
    assertThat(NRW.nextSchoolStart(berlin("2026-10-21T09:00"))).isEqualTo(berlin("2026-11-02T08:00"));
    assertThat(NRW.isSchoolDay(LocalDate.parse("2026-10-19"))).as("a Monday in the holidays").isFalse();
  }

  @Test
  void christmasHolidays_endOnEpiphany() {
    assertThat(NRW.nextSchoolStart(berlin("2026-12-22T13:00"))).isEqualTo(berlin("2027-01-07T08:00"));
  }

  @Test
  void withoutArgument_countsFromTheEngineClock_inBerlinTime() {
    // 06:30 UTC on a school day is 07:30 in Berlin (winter time), before the first lesson.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T06:30:00Z")));
    assertThat(NRW.nextSchoolStart()).isEqualTo(Date.from(Instant.parse("2026-11-24T07:00:00Z")));
  }

  @Test
  void afterTheCalendarEnds_everyWeekdayIsASchoolDay_soTheDeadlineIsNeverLater() {
    assertThat(NRW.coveredUntil()).isEqualTo(LocalDate.parse("2027-08-31"));
    assertThat(NRW.nextSchoolStart(berlin("2028-07-28T12:00"))).isEqualTo(berlin("2028-07-31T08:00"));
  }

  @Test
  void firstLesson_isConfigurable() {
    SchoolDays later = SchoolDays.read(new ClassPathResource("school-calendar/nrw.yaml"), BERLIN, LocalTime.of(7, 45));
    assertThat(later.nextSchoolStart(berlin("2026-09-14T07:50"))).isEqualTo(berlin("2026-09-15T07:45"));
  }

  @Test
  void brokenFile_namesTheEntry() {
    ByteArrayResource file = new ByteArrayResource("""
        covers: {from: 2026-01-01, to: 2027-08-31}
        publicHolidays: {}
        schoolHolidays:
          - {name: Herbstferien, from: 2026-10-17, to: "31.10.2026"}
        """.getBytes(StandardCharsets.UTF_8), "test calendar");
    assertThatThrownBy(() -> SchoolDays.read(file, BERLIN, LocalTime.of(8, 0)))
        .hasMessageContaining("schoolHolidays 'Herbstferien'.to: '31.10.2026' is no date like 2026-10-17");
  }

  /** Any instant of the school year 2026/27: the next start is after it, on a school day, and no start is skipped. */
  @Property(tries = 500)
  void nextSchoolStart_isTheFirstSchoolMorningAfter(
      @ForAll @LongRange(min = 1_767_222_000_000L, max = 1_819_497_600_000L) long epochMillis) {
    Date after = new Date(epochMillis);
    ZonedDateTime start = NRW.nextSchoolStart(after).toInstant().atZone(BERLIN);

    assertThat(start.toInstant()).isAfter(after.toInstant());
    assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    assertThat(NRW.isSchoolDay(start.toLocalDate())).isTrue();
    for (LocalDate day = after.toInstant().atZone(BERLIN).toLocalDate(); day.isBefore(start.toLocalDate());
        day = day.plusDays(1)) {
      boolean startPassed = day.atTime(8, 0).atZone(BERLIN).toInstant().isAfter(after.toInstant());
      assertThat(startPassed && NRW.isSchoolDay(day)).as("school starts earlier, on " + day).isFalse();
    }
  }

  private static Date berlin(String localDateTime) {
    return Date.from(java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }
}
