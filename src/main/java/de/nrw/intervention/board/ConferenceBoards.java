package de.nrw.intervention.board;

import de.nrw.intervention.board.Board.ConferenceBoard;
import de.nrw.intervention.board.Board.ConferenceRow;
import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.conference.ConferenceFigures;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * The case-conference part of the board: the conference package's figures of the district, as the page shows them.
 * Asked as the caller (the conference figures are engine queries under the caller's grants), after the caller was
 * allowed the district ({@link BoardAccess}).
 */
final class ConferenceBoards {

  /** The latest conferences the board lists; the figures count all of them. */
  static final int RECENT = 6;

  private ConferenceBoards() {
  }

  static ConferenceBoard of(ConferenceFigures.Figures figures, PlatformCalendar calendar) {
    return new ConferenceBoard(
        figures.conferences().stream().limit(RECENT)
            .map(size -> new ConferenceRow(size.reference(), meeting(size.meeting(), calendar), size.cases())).toList(),
        figures.referrals(), figures.repeatReferrals(), percent(figures.referrals(), figures.repeatRate()),
        figures.actionsDone(), figures.actionsDoneOnTime(), percent(figures.actionsDone(), figures.actionsOnTimeRate()),
        figures.actionsOverdue());
  }

  /** {@code 15.12.2026, 10:00 Uhr}; the meeting as entered when it is no ISO date-time. */
  private static String meeting(String entered, PlatformCalendar calendar) {
    if (entered == null) {
      return null;
    }
    try {
      return calendar.dateTime(Date.from(calendar.parse(entered).toInstant()));
    } catch (DateTimeParseException notIso) {
      return entered;
    }
  }

  /** {@code 12,5 %}, or a dash where there is nothing to divide by. */
  private static String percent(long base, double share) {
    return base == 0 ? "–" : DeadlineBoard.decimal(share * 100) + " %";
  }
}
