package de.nrw.intervention.deadline;

import de.nrw.intervention.reminder.DueDates;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The rule for legal deadlines: the due date may move earlier, never later than the limit (the deadline the task
 * was created with, or the absolute limit of the model if earlier) and never be removed. No engine needed.
 */
final class DeadlineLimit {

  private DeadlineLimit() {
  }

  /** Throws when {@code newDueDate} is not allowed for a legal deadline with that {@code limit}. */
  static void check(Date newDueDate, Date limit, String basis, ZoneId zone) {
    if (limit == null) {
      return;
    }
    if (newDueDate == null) {
      throw new DeadlineRefusedException("Die Frist ist gesetzlich (" + basis + ") und darf nicht entfernt werden; "
          + "sie endet spätestens am " + format(limit, zone) + ".");
    }
    if (DueDates.later(newDueDate, limit)) {
      throw new DeadlineRefusedException("Die Frist ist gesetzlich (" + basis + ") und darf nicht über den "
          + format(limit, zone) + " hinaus verschoben werden.");
    }
  }

  static boolean moved(Date before, Date after) {
    return !DueDates.same(before, after);
  }

  static Date earlier(Date one, Date other) {
    if (one == null) {
      return other;
    }
    return other == null || one.before(other) ? one : other;
  }

  /** Dates as caseworkers read them: {@code 05.12.2026 17:00}. */
  static String format(Date date, ZoneId zone) {
    return DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(zone).format(date.toInstant());
  }
}
