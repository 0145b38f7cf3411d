package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Variables.ACTION_ROWS;
import static de.nrw.intervention.conference.CaseConference.Variables.actionDeadline;
import static de.nrw.intervention.conference.CaseConference.Variables.actionOwner;
import static de.nrw.intervention.conference.CaseConference.Variables.actionText;

import de.nrw.intervention.casefile.InvalidCaseDataException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the agreed actions when the coordinator records a case's result: each row with a text names an owner and a
 * deadline, a row without text has neither, and the owner is an agency at this case's conference. An owner outside
 * it would get the case (and its minutes) with the action's task, which need to know forbids. A refusal is a 400
 * naming the field as the form shows it; the task stays open.
 */
@Component("recordConferenceResultListener")
class RecordConferenceResultListener implements TaskListener {

  private final ConferenceAgencyGroups agencies;

  RecordConferenceResultListener(ConferenceAgencyGroups agencies) {
    this.agencies = agencies;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> atConference = agencies.list(task);
    for (int n = 1; n <= ACTION_ROWS; n++) {
      checkRow(task, n, atConference);
    }
  }

  private static void checkRow(DelegateTask task, int n, List<String> atConference) {
    String label = "Maßnahme " + n;
    Object owner = task.getVariable(actionOwner(n));
    Object deadline = task.getVariable(actionDeadline(n));
    if (!ConferenceActions.hasText(task.getVariable(actionText(n)))) {
      if (filled(owner) || filled(deadline)) {
        throw new InvalidCaseDataException(actionText(n), label, "bitte die Maßnahme beschreiben oder Stelle und Frist leeren");
      }
      return;
    }
    ConferenceAgency agency = ConferenceAgency.ofValue(owner).orElseThrow(() ->
        new InvalidCaseDataException(actionOwner(n), label + ": zuständige Stelle", "bitte auswählen"));
    if (!atConference.contains((String) task.getVariable(agency.groupVariable()))) {
      throw new InvalidCaseDataException(actionOwner(n), label + ": zuständige Stelle",
          agency.label() + " nimmt an der Fallkonferenz zu diesem Fall nicht teil; bitte eine teilnehmende Stelle wählen");
    }
    if (!filled(deadline)) {
      throw new InvalidCaseDataException(actionDeadline(n), label + ": Frist", "bitte ein Datum angeben");
    }
  }

  private static boolean filled(Object value) {
    return value != null && !(value instanceof String text && text.isBlank());
  }
}
