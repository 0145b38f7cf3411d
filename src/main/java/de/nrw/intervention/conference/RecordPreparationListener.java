package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Variables.PREPARATION_FINDINGS;
import static de.nrw.intervention.conference.CaseConference.Variables.PREPARATION_PROPOSAL;
import static de.nrw.intervention.conference.CaseConference.Variables.PREPARING_AGENCY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts each agency's preparation where the coordinator's result form shows it ({@code youthWelfareFindings} ...).
 * The task's own fields are local to the task (the parallel preparations would overwrite each other), and one
 * variable per agency and field keeps every value within the engine's 4,000-character text column.
 */
@Component("recordPreparationListener")
class RecordPreparationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution caseExecution = task.getExecution().getProcessInstance();
    ConferenceAgency.ofGroup(caseExecution, (String) task.getVariable(PREPARING_AGENCY)).ifPresent(agency -> {
      caseExecution.setVariable(agency.findingsVariable(), task.getVariable(PREPARATION_FINDINGS));
      caseExecution.setVariable(agency.proposalVariable(), task.getVariable(PREPARATION_PROPOSAL));
    });
  }
}
