package de.nrw.intervention.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs under a UTC JVM, as the container image does: every result must still be Berlin time. */
class PlatformCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final PlatformCalendar calendar = new PlatformCalendar(BERLIN);
  private TimeZone jvmDefault;

  @BeforeEach
  void utcJvm() {
    jvmDefault = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterEach
  void restore() {
    TimeZone.setDefault(jvmDefault);
    ClockUtil.reset();
  }

  @Test
  void dates_areGermanInBerlinTime() {
    assertThat(calendar.end(date("2026-12-05T23:30:00Z"))).isEqualTo("am 06.12.2026 um 00:30 Uhr");
    assertThat(calendar.dateTime(date("2026-12-05T16:00:00Z"))).isEqualTo("05.12.2026, 17:00 Uhr");
  }

  @Test
  void midnight_isTheEndOfTheDayBefore() {
    Date banEnd = date("2026-12-05T23:00:00Z"); // 06.12.2026 00:00 in Berlin
    assertThat(calendar.end(banEnd)).isEqualTo("mit Ablauf des 05.12.2026");
    assertThat(calendar.dateTime(banEnd)).isEqualTo("05.12.2026, 24:00 Uhr");
    assertThat(calendar.end(date("2026-12-05T22:59:59.999Z"))).isEqualTo("mit Ablauf des 05.12.2026");
    assertThat(calendar.end(date("2026-12-05T16:00:00Z"))).isEqualTo("am 05.12.2026 um 17:00 Uhr");
  }

  @Test
  void engineDueDatesAndTimerPeriods_countCalendarDaysInBerlin() {
    ClockUtil.setCurrentTime(date("2026-03-02T08:00:00Z")); // 09:00 in Berlin, winter time
    ZonedBusinessCalendar duration = new ZonedBusinessCalendar(calendar, new DurationBusinessCalendar());
    ZonedBusinessCalendar dueDate = new ZonedBusinessCalendar(calendar, new DueDateBusinessCalendar());

    // three months later it is summer time: still 09:00 in Berlin (the engine's own calendar gives 10:00)
    assertThat(duration.resolveDuedate("P3M")).isEqualTo(date("2026-06-02T07:00:00Z"));
    assertThat(dueDate.resolveDuedate("P1MT12H")).isEqualTo(date("2026-04-02T19:00:00Z"));
    assertThat(dueDate.resolveDuedate("PT12H")).isEqualTo(date("2026-03-02T20:00:00Z"));
    // a date without offset is a Berlin date, one with offset stays what it says
    assertThat(dueDate.resolveDuedate("2026-12-05T17:00")).isEqualTo(date("2026-12-05T16:00:00Z"));
    assertThat(dueDate.resolveDuedate("2026-12-05")).isEqualTo(date("2026-12-04T23:00:00Z"));
    assertThat(dueDate.resolveDuedate("2026-12-05T17:00:00+01:00")).isEqualTo(date("2026-12-05T16:00:00Z"));
  }

  private static Date date(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }
}
