package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Variables.ACTION_AGREED_AT;
import static de.nrw.intervention.conference.CaseConference.Variables.ACTION_NUMBER;
import static de.nrw.intervention.conference.CaseConference.Variables.ACTION_REPORT;
import static de.nrw.intervention.conference.CaseConference.Variables.ACTION_TEXT;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives each action task its own copy of what was agreed and where: the result form's rows are overwritten by the next
 * conference, while an action agreed at this one may still be open then. The report is local to the task too, so
 * parallel actions keep their own.
 */
@Component("assignConferenceActionListener")
class AssignConferenceActionListener implements TaskListener {

  private final ConferenceActions actions;

  AssignConferenceActionListener(ConferenceActions actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(ACTION_TEXT, actions.text(task, task.getVariable(ACTION_NUMBER)));
    task.setVariableLocal(ACTION_AGREED_AT, task.getVariable(CONFERENCE_REFERENCE));
    task.setVariableLocal(ACTION_REPORT, null);
  }
}
