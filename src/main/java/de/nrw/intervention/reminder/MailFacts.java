package de.nrw.intervention.reminder;

import java.util.Map;

/**
 * Everything a mail may say. Deliberately closed: nothing from the case's variables except the case
 * reference, so a template cannot leak a name, an address or free text (docs/REMINDERS.md, data protection).
 */
record MailFacts(String taskId, String taskName, String processName, String dueDate, String caseReference,
    String taskLink) {

  Map<String, String> placeholders() {
    return Map.of(
        "taskName", taskName,
        "processName", processName,
        "dueDate", dueDate,
        "caseReference", caseReference,
        "taskLink", taskLink);
  }
}
