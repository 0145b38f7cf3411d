package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.CASE_PROCESS_KEY;
import static de.nrw.intervention.conference.CaseConference.Elements.PREPARE_CASE_CONFERENCE;
import static de.nrw.intervention.conference.CaseConference.Elements.RECORD_CONFERENCE_RESULT;
import static de.nrw.intervention.conference.CaseConference.Variables.AGENDA;
import static de.nrw.intervention.conference.CaseConference.Variables.CASE_REFERENCE;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_REFERENCE;

import de.nrw.intervention.casefile.InvalidCaseDataException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * A conference is closed only once the result of every case on its agenda is recorded: otherwise a case would wait
 * for a result nobody is asked for any more. The refusal (400) says how many are missing, not which cases: the
 * conference's task shows only case references anyway.
 */
@Component("closeConferenceListener")
class CloseConferenceListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object reference = task.getVariable(CASE_REFERENCE);
    long open = Context.getCommandContext().runWithoutAuthorization(() ->
        task.getProcessEngineServices().getTaskService().createTaskQuery()
            .processDefinitionKey(CASE_PROCESS_KEY)
            .taskDefinitionKeyIn(PREPARE_CASE_CONFERENCE, RECORD_CONFERENCE_RESULT)
            .processVariableValueEquals(CONFERENCE_REFERENCE, reference)
            .count());
    if (open > 0) {
      throw new InvalidCaseDataException(AGENDA, "Tagesordnung", "für " + open + " offene Aufgabe(n) der Fälle ist"
          + " das Ergebnis noch nicht erfasst; bitte zuerst für jeden Fall „Ergebnis der Fallkonferenz erfassen“ erledigen");
    }
  }
}
