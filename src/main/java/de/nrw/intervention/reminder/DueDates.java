package de.nrw.intervention.reminder;

import java.util.Date;

/**
 * Comparing due dates as the database gives them back. Databases differ in how many fractions of a second they keep
 * (MySQL rounds to whole seconds), so a due date read back may differ from the one written by less than
 * {@link #TOLERANCE_MILLIS}; a real change is larger. One rule for the reminders and the deadline-change rule alike.
 */
public final class DueDates {

  public static final long TOLERANCE_MILLIS = 1000;

  private DueDates() {
  }

  public static boolean same(Date one, Date other) {
    if (one == null || other == null) {
      return one == other;
    }
    return Math.abs(one.getTime() - other.getTime()) < TOLERANCE_MILLIS;
  }

  /** Whether {@code date} lies later than {@code limit} by a real change, not a rounding. */
  public static boolean later(Date date, Date limit) {
    return date.getTime() - limit.getTime() >= TOLERANCE_MILLIS;
  }
}
