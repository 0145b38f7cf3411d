package de.nrw.intervention.reminder;

/** What a deadline job sends when it fires. */
enum DeadlineKind {
  /** At due − lead, to the assignee or the candidate groups. */
  REMINDER,
  /** At the due date, to the supervisors of the case's district. */
  ESCALATION
}
