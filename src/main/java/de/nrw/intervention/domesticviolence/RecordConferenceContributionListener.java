package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CONFERENCE_CONTRIBUTION;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CONFERENCE_CONTRIBUTIONS;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CONFERENCE_PARTICIPANT_GROUP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Collects each agency's case-conference contribution into one case variable, so the police officer recording the
 * safety plan sees all of them side by side. The contribution itself is a task-local variable: the parallel
 * contribution tasks would otherwise overwrite each other's text.
 */
@Component("recordConferenceContributionListener")
class RecordConferenceContributionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution caseExecution = task.getExecution().getProcessInstance();
    Object contribution = task.getVariable(CONFERENCE_CONTRIBUTION);
    Object agency = task.getVariable(CONFERENCE_PARTICIPANT_GROUP);
    Object earlier = caseExecution.getVariable(CONFERENCE_CONTRIBUTIONS);
    String entry = "[" + agency + "] " + (contribution == null ? "(no contribution)" : contribution.toString().trim());
    caseExecution.setVariable(CONFERENCE_CONTRIBUTIONS, earlier == null ? entry : earlier + "\n\n" + entry);
  }
}
