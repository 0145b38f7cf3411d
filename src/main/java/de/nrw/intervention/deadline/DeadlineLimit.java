package de.nrw.intervention.deadline;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.reminder.DueDates;
import java.util.Date;

/**
 * The rule for legal deadlines: the due date may move earlier, never later than the limit (the deadline the task
 * was created with, or the absolute limit of the model if earlier) and never be removed. No engine needed.
 */
final class DeadlineLimit {

  private DeadlineLimit() {
  }

  /** Throws when {@code newDueDate} is not allowed for a legal deadline with that {@code limit}. */
  static void check(Date newDueDate, Date limit, String basis, PlatformCalendar calendar) {
    if (limit == null) {
      return;
    }
    if (newDueDate == null) {
      throw new DeadlineRefusedException("Die Frist ist gesetzlich (" + basis + ") und darf nicht entfernt werden; "
          + "sie endet spätestens " + calendar.end(limit) + ".");
    }
    if (DueDates.later(newDueDate, limit)) {
      throw new DeadlineRefusedException("Die Frist ist gesetzlich (" + basis + ") und darf nicht später enden als "
          + calendar.end(limit) + ".");
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
}
