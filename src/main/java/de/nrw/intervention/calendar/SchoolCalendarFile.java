package de.nrw.intervention.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the school calendar file ({@code school-calendar/nrw.yaml}): {@code covers.from/to}, {@code publicHolidays}
 * (date: name) and {@code schoolHolidays} (name, from, to; both days included). A file that does not read as such
 * stops the startup with the file and the entry named: deadlines counted from a half-read calendar would be wrong.
 */
final class SchoolCalendarFile {

  record Days(Set<LocalDate> withoutSchool, LocalDate coveredUntil) { }

  private SchoolCalendarFile() {
  }

  static Days read(Resource file) {
    try (InputStream in = file.getInputStream()) {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return parse(root, file.getDescription());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("School calendar " + file.getDescription() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Days parse(Object root, String name) {
    Map<?, ?> calendar = map(root, name);
    Map<?, ?> covers = map(calendar.get("covers"), "covers");
    LocalDate from = date(covers.get("from"), "covers.from");
    LocalDate to = date(covers.get("to"), "covers.to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("covers.to is before covers.from");
    }
    Set<LocalDate> withoutSchool = new HashSet<>();
    for (Object day : map(calendar.get("publicHolidays"), "publicHolidays").keySet()) {
      withoutSchool.add(date(day, "publicHolidays"));
    }
    Object holidays = calendar.get("schoolHolidays");
    if (!(holidays instanceof List<?> list)) {
      throw new IllegalArgumentException("schoolHolidays must be a list of name, from, to");
    }
    for (Object entry : list) {
      Map<?, ?> holiday = map(entry, "schoolHolidays");
      String label = "schoolHolidays '" + holiday.get("name") + "'";
      LocalDate first = date(holiday.get("from"), label + ".from");
      LocalDate last = date(holiday.get("to"), label + ".to");
      if (last.isBefore(first)) {
        throw new IllegalArgumentException(label + ": to is before from");
      }
      first.datesUntil(last.plusDays(1)).forEach(withoutSchool::add);
    }
    return new Days(withoutSchool, to);
  }

  private static Map<?, ?> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException(where + " is missing or not a mapping");
  }

  /** YAML reads an unquoted 2026-10-17 as a timestamp at midnight UTC, a quoted one as text: both are accepted. */
  private static LocalDate date(Object value, String where) {
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value).trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": '" + value + "' is no date like 2026-10-17", e);
    }
  }
}
