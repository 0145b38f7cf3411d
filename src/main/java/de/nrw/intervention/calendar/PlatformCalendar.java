package de.nrw.intervention.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Objects;

/**
 * The platform's zone and the German display of dates in it: {@code 05.12.2026}, {@code 05.12.2026, 17:00 Uhr},
 * and legal ends as the law phrases them, {@code mit Ablauf des 05.12.2026}. A period that ends at midnight ends
 * with the day before: "ends 06.12.2026 00:00" invites an off-by-one reading, "mit Ablauf des 05.12.2026" does not.
 */
public final class PlatformCalendar {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  /** {@code endOfDay} style deadlines end one millisecond before midnight. */
  private static final LocalTime LAST_MILLISECOND = LocalTime.MIDNIGHT.minusNanos(1_000_000);

  private final ZoneId zone;

  public PlatformCalendar(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public ZoneId zone() {
    return zone;
  }

  /** {@code 05.12.2026}. */
  public String date(LocalDate date) {
    return DATE.format(date);
  }

  /** {@code 05.12.2026, 17:00 Uhr}; midnight is the end of the day before: {@code 05.12.2026, 24:00 Uhr}. */
  public String dateTime(Date instant) {
    ZonedDateTime local = local(instant);
    if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return date(local.toLocalDate().minusDays(1)) + ", 24:00 Uhr";
    }
    return date(local.toLocalDate()) + ", " + TIME.format(local) + " Uhr";
  }

  /**
   * When a deadline or period ends, to follow "endet", "spätestens" or "nicht später als": {@code mit Ablauf des
   * 05.12.2026} for an end at the end of a day (midnight, or the last millisecond before it), otherwise
   * {@code am 05.12.2026 um 17:00 Uhr}.
   */
  public String end(Date instant) {
    ZonedDateTime local = local(instant);
    if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return "mit Ablauf des " + date(local.toLocalDate().minusDays(1));
    }
    if (!local.toLocalTime().isBefore(LAST_MILLISECOND)) {
      return "mit Ablauf des " + date(local.toLocalDate());
    }
    return "am " + date(local.toLocalDate()) + " um " + TIME.format(local) + " Uhr";
  }

  /**
   * An ISO 8601 date-time as clients send it: with offset ({@code 2026-11-24T22:30+01:00}), UTC ({@code …Z}), without
   * zone ({@code 2026-11-24T22:30}, read in the platform's zone) or a date ({@code 2026-11-24}, its start of day).
   *
   * @throws DateTimeParseException for anything else
   */
  public ZonedDateTime parse(String isoText) {
    String text = isoText.trim();
    try {
      return OffsetDateTime.parse(text).atZoneSameInstant(zone);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone);
      } catch (DateTimeParseException withoutTime) {
        return LocalDate.parse(text).atStartOfDay(zone);
      }
    }
  }

  private ZonedDateTime local(Date instant) {
    return Instant.ofEpochMilli(instant.getTime()).atZone(zone);
  }
}
