package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.CASE_PROCESS_KEY;
import static de.nrw.intervention.conference.CaseConference.Elements.CARRY_OUT_ACTION;
import static de.nrw.intervention.conference.CaseConference.Variables.AGENDA;
import static de.nrw.intervention.conference.CaseConference.Variables.AGENDA_CASE_COUNT;
import static de.nrw.intervention.conference.CaseConference.Variables.CASE_REFERENCE;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DATE_TIME;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DECISION;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_LOCATION;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_REFERENCE;
import static de.nrw.intervention.conference.CaseConference.Variables.DECISION_FOLLOW_UP_ACTIONS;
import static de.nrw.intervention.conference.CaseConference.Variables.DECISION_REVIEW_AGAIN;
import static de.nrw.intervention.conference.CaseConference.Variables.DISTRICT;

import de.nrw.intervention.conference.CaseConference.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Draws up a conference's agenda from the cases of its district that wait for a conference, and tells each case
 * whether it is on it:
 * <ul>
 *   <li>a new referral (no decision yet) and a case the last conference wants to discuss again: on the agenda;</li>
 *   <li>a case whose actions the conference follows up: on the agenda while one of its actions is open, otherwise it
 *       leaves the agenda (its actions are done);</li>
 * </ul>
 * (a case the conference closed waits for no conference). The conference keeps only the case references; what the
 * agencies know and agree stays in each case's own instance, which only that case's agencies read.
 */
@Component("drawUpAgendaDelegate")
class DrawUpAgendaDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution conference) {
    ProcessEngineServices engine = conference.getProcessEngineServices();
    RuntimeService runtime = engine.getRuntimeService();
    // The coordinator's grants do not cover cases not yet at a conference; the agenda must see every waiting case.
    List<String> agenda = Context.getCommandContext().runWithoutAuthorization(() -> {
      List<Execution> waiting = runtime.createExecutionQuery()
          .processDefinitionKey(CASE_PROCESS_KEY)
          .messageEventSubscriptionName(Messages.PUT_ON_AGENDA)
          .processVariableValueEquals(DISTRICT, conference.getVariable(DISTRICT))
          .list();
      List<String> onAgenda = new ArrayList<>();
      for (Execution execution : sortedByCase(runtime, waiting)) {
        String caseInstance = execution.getProcessInstanceId();
        if (belongsOnAgenda(engine, caseInstance)) {
          runtime.createMessageCorrelation(Messages.PUT_ON_AGENDA).processInstanceId(caseInstance)
              .setVariables(roundVariables(conference)).correlate();
          onAgenda.add((String) runtime.getVariable(caseInstance, CASE_REFERENCE));
        } else {
          runtime.createMessageCorrelation(Messages.TAKEN_OFF_AGENDA).processInstanceId(caseInstance).correlate();
        }
      }
      return onAgenda;
    });
    conference.setVariable(AGENDA, String.join(", ", agenda));
    conference.setVariable(AGENDA_CASE_COUNT, (long) agenda.size());
  }

  private static boolean belongsOnAgenda(ProcessEngineServices engine, String caseInstance) {
    Object decision = engine.getRuntimeService().getVariable(caseInstance, CONFERENCE_DECISION);
    if (decision == null || DECISION_REVIEW_AGAIN.equals(decision)) {
      return true;
    }
    return DECISION_FOLLOW_UP_ACTIONS.equals(decision) && engine.getTaskService().createTaskQuery()
        .processInstanceId(caseInstance).taskDefinitionKey(CARRY_OUT_ACTION).count() > 0;
  }

  private static List<Execution> sortedByCase(RuntimeService runtime, List<Execution> waiting) {
    return waiting.stream()
        .sorted(Comparator.comparing(execution -> (String) runtime.getVariable(execution.getProcessInstanceId(), CASE_REFERENCE)))
        .toList();
  }

  /** What the case needs of this conference; the agencies' previous preparations are cleared for the new round. */
  private static VariableMap roundVariables(DelegateExecution conference) {
    VariableMap variables = Variables.createVariables()
        .putValue(CONFERENCE_REFERENCE, conference.getVariable(CASE_REFERENCE))
        .putValue(CONFERENCE_DATE_TIME, conference.getVariable(CONFERENCE_DATE_TIME))
        .putValue(CONFERENCE_LOCATION, conference.getVariable(CONFERENCE_LOCATION));
    for (ConferenceAgency agency : ConferenceAgency.values()) {
      variables.putValue(agency.findingsVariable(), null).putValue(agency.proposalVariable(), null);
    }
    return variables;
  }
}
