package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.CASE_PROCESS_KEY;
import static de.nrw.intervention.conference.CaseConference.CONFERENCE_PROCESS_KEY;
import static de.nrw.intervention.conference.CaseConference.Elements.CARRY_OUT_ACTION;
import static de.nrw.intervention.conference.CaseConference.Variables.AGENDA_CASE_COUNT;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DATE_TIME;
import static de.nrw.intervention.conference.CaseConference.Variables.DISTRICT;
import static de.nrw.intervention.conference.CaseConference.Variables.REPEAT_REFERRAL;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The supervisors' figures on a district's case conferences: cases per conference, the share of repeat referrals,
 * and actions done by their deadline. Counts only, no case data. Asked as the calling user, so the engine's grants
 * apply: a supervisor gets their district's figures, someone without access to the district gets zeros.
 *
 * <p>Shown on the supervisors' deadline board in Cockpit (package {@code board}).
 */
@Component
public class ConferenceFigures {

  private static final int MAX_ROWS = 2000;

  private final HistoryService history;

  ConferenceFigures(HistoryService history) {
    this.history = history;
  }

  /** One conference: its reference (e.g. FK-KOELN-2026-12-15), its meeting as entered, and its number of cases. */
  public record ConferenceSize(String reference, String meeting, long cases) {
  }

  /**
   * @param conferences the district's conferences, most recent first (at most 2000), with the cases on each agenda
   * @param referrals cases referred to the district's conferences
   * @param repeatReferrals of them, repeats (referred again within the repeat window)
   * @param actionsDone actions finished
   * @param actionsDoneOnTime of them, finished by the end of their deadline day
   * @param actionsOverdue actions still open past their deadline
   */
  public record Figures(List<ConferenceSize> conferences, long referrals, long repeatReferrals, long actionsDone,
      long actionsDoneOnTime, long actionsOverdue) {

    /** Share of repeats among referrals, 0 to 1; 0 without referrals. */
    public double repeatRate() {
      return referrals == 0 ? 0 : (double) repeatReferrals / referrals;
    }

    /** Share of finished actions done on time, 0 to 1; 0 without finished actions. */
    public double actionsOnTimeRate() {
      return actionsDone == 0 ? 0 : (double) actionsDoneOnTime / actionsDone;
    }
  }

  public Figures of(String district) {
    List<ConferenceSize> conferences = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CONFERENCE_PROCESS_KEY).variableValueEquals(DISTRICT, district)
        .orderByProcessInstanceStartTime().desc().listPage(0, MAX_ROWS).stream()
        .map(this::size).toList();
    long referrals = history.createHistoricProcessInstanceQuery().processDefinitionKey(CASE_PROCESS_KEY)
        .variableValueEquals(DISTRICT, district).count();
    long repeats = history.createHistoricProcessInstanceQuery().processDefinitionKey(CASE_PROCESS_KEY)
        .variableValueEquals(DISTRICT, district).variableValueEquals(REPEAT_REFERRAL, true).count();
    List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().processDefinitionKey(CASE_PROCESS_KEY)
        .taskDefinitionKey(CARRY_OUT_ACTION).processVariableValueEquals(DISTRICT, district).finished()
        .listPage(0, MAX_ROWS);
    long onTime = done.stream().filter(ConferenceFigures::doneOnTime).count();
    long overdue = history.createHistoricTaskInstanceQuery().processDefinitionKey(CASE_PROCESS_KEY)
        .taskDefinitionKey(CARRY_OUT_ACTION).processVariableValueEquals(DISTRICT, district).unfinished()
        .taskDueBefore(ClockUtil.getCurrentTime()).count();
    return new Figures(conferences, referrals, repeats, done.size(), onTime, overdue);
  }

  private static boolean doneOnTime(HistoricTaskInstance action) {
    Date due = action.getDueDate();
    return due == null || !action.getEndTime().after(due);
  }

  private ConferenceSize size(HistoricProcessInstance conference) {
    return new ConferenceSize(conference.getBusinessKey(), text(value(conference, CONFERENCE_DATE_TIME)),
        value(conference, AGENDA_CASE_COUNT) instanceof Number cases ? cases.longValue() : 0);
  }

  private Object value(HistoricProcessInstance conference, String variable) {
    HistoricVariableInstance found = history.createHistoricVariableInstanceQuery()
        .processInstanceId(conference.getId()).variableName(variable).singleResult();
    return found == null ? null : found.getValue();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
