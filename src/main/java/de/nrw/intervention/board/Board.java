package de.nrw.intervention.board;

import java.util.List;

/**
 * What the board shows for one district, as Cockpit's plugin page gets it (JSON). Texts are German and formatted
 * here, once, so the page and the CSV export show the same figures; the numbers are there for clients and tests.
 *
 * @param districts the districts the caller may choose from (more than one for administrators)
 * @param asOf      when the figures were taken, {@code 01.12.2026, 15:04 Uhr}
 */
record Board(String district, String districtName, List<DistrictOption> districts, String asOf,
    List<AgencyFigures> agencies, List<ComplianceFigures> compliance, List<ProcessFigures> processes,
    ConferenceBoard conferences) {

  Board withConferences(ConferenceBoard figures) {
    return new Board(district, districtName, districts, asOf, agencies, compliance, processes, figures);
  }

  record DistrictOption(String id, String name) {
  }

  /**
   * One agency group of the district: its open tasks now, and the deadline mails its tasks caused lately.
   *
   * @param oldestOverdue null when nothing is overdue
   */
  record AgencyFigures(String groupId, String name, long open, long dueSoon, long overdue,
      OverdueTask oldestOverdue, long reminders7Days, long reminders30Days, long escalations7Days,
      long escalations30Days) {
  }

  /** A task by its ids and the model's name (never the task's own name, which may name a child). */
  record OverdueTask(String taskId, String processInstanceId, String taskName, String caseReference, String due) {
  }

  /**
   * Tasks of one type completed in one month.
   *
   * @param deadline       "gesetzlich (§34a PolG NRW)" or "vereinbart"
   * @param onTimeShare    0..1
   * @param onTimeText     {@code 87,5 %}
   * @param medianDays     median time from creation to completion, in days
   * @param medianDaysText {@code 1,5}
   */
  record ComplianceFigures(String month, String processKey, String processName, String taskKey, String taskName,
      String deadline, long completed, long onTime, long late, double onTimeShare, String onTimeText,
      double medianDays, String medianDaysText) {
  }

  /**
   * The district's high-risk case conferences (package conference): counts only.
   *
   * @param recent the latest conferences, most recent first, with the cases on each agenda
   */
  record ConferenceBoard(List<ConferenceRow> recent, long referrals, long repeatReferrals, String repeatRateText,
      long actionsDone, long actionsDoneOnTime, String actionsOnTimeText, long actionsOverdue) {
  }

  /** One conference by its reference (e.g. FK-KOELN-2026-12-15), its meeting as entered, and its number of cases. */
  record ConferenceRow(String reference, String meeting, long cases) {
  }

  record ProcessFigures(String processKey, String name, long running, long startedThisMonth, long endedThisMonth,
      long highRisk) {
  }
}
