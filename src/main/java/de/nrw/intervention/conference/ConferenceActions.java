package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Variables.ACTION_ROWS;
import static de.nrw.intervention.conference.CaseConference.Variables.actionDeadline;
import static de.nrw.intervention.conference.CaseConference.Variables.actionOwner;
import static de.nrw.intervention.conference.CaseConference.Variables.actionText;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The actions agreed for a case, read from the fixed rows of the result form (row 1 to {@value
 * CaseConference.Variables#ACTION_ROWS}); a row without text is no action. Each becomes a task of its owner's group,
 * due at the end of its deadline day, so reminders and escalations apply as to every task.
 *
 * <p>Public because the process model calls it through JUEL.
 */
@Component("conferenceActions")
public class ConferenceActions {

  private final ConferenceDates dates;

  ConferenceActions(ConferenceDates dates) {
    this.dates = dates;
  }

  /** The row numbers that hold an action, for the multi-instance action task. */
  public List<Integer> agreed(VariableScope caseVariables) {
    List<Integer> rows = new ArrayList<>();
    for (int n = 1; n <= ACTION_ROWS; n++) {
      if (hasText(caseVariables.getVariable(actionText(n)))) {
        rows.add(n);
      }
    }
    return rows;
  }

  public String text(VariableScope caseVariables, Object row) {
    return ((String) caseVariables.getVariable(actionText(number(row)))).strip();
  }

  public String ownerGroup(VariableScope caseVariables, Object row) {
    ConferenceAgency owner = ConferenceAgency.ofValue(caseVariables.getVariable(actionOwner(number(row))))
        .orElseThrow(() -> new IllegalArgumentException("Maßnahme " + row + ": keine zuständige Stelle"));
    return (String) caseVariables.getVariable(owner.groupVariable());
  }

  public Date deadline(VariableScope caseVariables, Object row) {
    return dates.endOfDay(caseVariables.getVariable(actionDeadline(number(row))));
  }

  static boolean hasText(Object value) {
    return value instanceof String text && !text.isBlank();
  }

  private static int number(Object row) {
    return row instanceof Number number ? number.intValue() : Integer.parseInt(row.toString());
  }
}
