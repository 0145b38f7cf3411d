package de.nrw.intervention.domesticviolence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseDatesTest {

  private final CaseDates dates = new CaseDates(new PlatformCalendar(ZoneId.of("Europe/Berlin")));

  @ParameterizedTest(name = "order {0} -> ban ends {1}")
  @CsvSource({
      // counting starts the day after the order; the ban ends at midnight after the 10th day
      "2026-05-04T09:00+02:00, 2026-05-15T00:00+02:00",
      "2026-05-04T23:59+02:00, 2026-05-15T00:00+02:00",
      "2026-05-04T00:01+02:00, 2026-05-15T00:00+02:00",
      // Tasklist 'utc_normalized': 22:30 UTC is already 5 May in NRW
      "2026-05-04T22:30Z, 2026-05-16T00:00+02:00",
      // Tasklist 'no_timezone': NRW local time
      "2026-05-04T23:30, 2026-05-15T00:00+02:00",
      // across a month end and the change to summer time
      "2026-03-25T12:00+01:00, 2026-04-05T00:00+02:00",
      "2026-01-31T18:00+01:00, 2026-02-11T00:00+01:00"})
  void banEnd_endOfTenthDayAfterTheOrder(String order, String expectedEnd) {
    assertThat(dates.banEnd(order)).isEqualTo(date(expectedEnd));
  }

  @Test
  void banEndText_namesTheLastDayAsTheLawDoes() {
    // order of 25.11.: the timer fires at 06.12. 00:00, the ban ends "mit Ablauf des 05.12."
    assertThat(dates.banEnd("2026-11-25T22:30+01:00")).isEqualTo(date("2026-12-06T00:00+01:00"));
    assertThat(dates.banEndText("2026-11-25T22:30+01:00"))
        .isEqualTo("Das Rückkehrverbot endet mit Ablauf des 05.12.2026.");
    assertThat(dates.latestExtendedBanEndText("2026-11-25T22:30+01:00")).endsWith("spätestens mit Ablauf des 15.12.2026.");
  }

  @Test
  void banEnd_underAUtcJvm_isMidnightInBerlin() {
    TimeZone jvmDefault = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // as in the container image
    try {
      CaseDates inContainer = new CaseDates(new PlatformCalendar(ZoneId.of("Europe/Berlin")));

      assertThat(inContainer.banEnd("2026-11-25T23:30").toInstant()).hasToString("2026-12-05T23:00:00Z");
      assertThat(inContainer.banEndText("2026-11-25T23:30+01:00")).contains("mit Ablauf des 05.12.2026");
    } finally {
      TimeZone.setDefault(jvmDefault);
    }
  }

  @Test
  void latestExtendedBanEnd_tenMoreDays() {
    assertThat(dates.latestExtendedBanEnd("2026-05-04T09:00+02:00")).isEqualTo(date("2026-05-25T00:00+02:00"));
  }

  @Test
  void banEnd_acceptsJavaDate() {
    assertThat(dates.banEnd(date("2026-05-04T09:00+02:00"))).isEqualTo(date("2026-05-15T00:00+02:00"));
  }

  @Test
  void plus_addsCalendarDaysOrHours() {
    assertThat(dates.plus("2026-03-27T22:30+01:00", "P3D")).isEqualTo(date("2026-03-30T22:30+02:00"));
    assertThat(dates.plus("2026-05-04T22:30+02:00", "PT12H")).isEqualTo(date("2026-05-05T10:30+02:00"));
  }

  @Test
  void at_parsesFormDateTime() {
    assertThat(dates.at("2026-05-04T10:00:00.000Z")).isEqualTo(date("2026-05-04T12:00+02:00"));
    assertThat(dates.at("2026-05-04")).isEqualTo(date("2026-05-04T00:00+02:00"));
  }

  @Test
  void missingOrMalformedDate_failsWithClearMessage() {
    assertThatThrownBy(() -> dates.banEnd(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Zeitpunkt (Datum und Uhrzeit) wird benötigt");
    assertThatThrownBy(() -> dates.banEnd("04.05.2026")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ist kein Zeitpunkt nach ISO 8601");
    assertThatThrownBy(() -> dates.plus("2026-05-04T09:00+02:00", " ")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Date date(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }
}
