package de.nrw.intervention.reminder;

import java.util.Map;

/**
 * Everything a mail may say. Deliberately closed: nothing from the case's variables except the case
 * reference, so a template cannot leak a name, an address or free text (docs/REMINDERS.md, data protection).
 */
record MailFacts(String taskId, String taskName, String processName, String dueDate, String caseReference,
    String taskLink, String previousDueDate, String changedBy) {

  private static final String NONE = "-";

  /** Facts of a reminder, escalation or "no one reachable" mail: no due-date change to tell. */
  MailFacts(String taskId, String taskName, String processName, String dueDate, String caseReference, String taskLink) {
    this(taskId, taskName, processName, dueDate, caseReference, taskLink, NONE, NONE);
  }

  /** The same facts for a due-date change notice: the dates before and after the change, the user id who made it. */
  MailFacts changed(String previous, String now, String by) {
    return new MailFacts(taskId, taskName, processName, now, caseReference, taskLink, previous, by);
  }

  Map<String, String> placeholders() {
    return Map.of(
        "taskName", taskName,
        "processName", processName,
        "dueDate", dueDate,
        "caseReference", caseReference,
        "taskLink", taskLink,
        "previousDueDate", previousDueDate,
        "changedBy", changedBy);
  }
}
