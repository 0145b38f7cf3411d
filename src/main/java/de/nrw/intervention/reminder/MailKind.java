package de.nrw.intervention.reminder;

/** One template pair (plain text and HTML, per language) under {@code reminder/mail/}. */
enum MailKind {
  /** A caseworker's task is due soon. */
  REMINDER("reminder"),
  /** A task is overdue: to the district's supervisors. */
  ESCALATION("escalation"),
  /** A reminder found nobody with an email address: the supervisors are told instead. */
  UNREACHABLE("unreachable"),
  /** A task's due date was moved: to the district's supervisors (de.nrw.intervention.deadline). */
  DUE_DATE_CHANGED("due-date-changed");

  private final String template;

  MailKind(String template) {
    this.template = template;
  }

  String template() {
    return template;
  }
}
