package de.nrw.intervention.youngoffender;

import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.CONFERENCE_DUE;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.CONFERENCE_LATEST_DATE;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.PROGRAMME_DURATION;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.PROGRAMME_YEAR;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.PROGRAMME_YEAR_END_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a programme year (the first, or the second after an extension): counts the year, fixes when it ends
 * and by when its case conference must take place. Durations come from the young-offender-deadlines decision.
 * The 18th birthday is not folded in here: a separate timer ends the programme then, whatever year it is in.
 */
@Component("startProgrammeYearDelegate")
class StartProgrammeYearDelegate implements JavaDelegate {

  private final YoungOffenderDates dates;

  StartProgrammeYearDelegate(YoungOffenderDates dates) {
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object previous = execution.getVariable(PROGRAMME_YEAR);
    int year = previous == null ? 1 : YoungOffenderDates.wholeNumber(previous, PROGRAMME_YEAR) + 1;
    execution.setVariable(PROGRAMME_YEAR, year);
    execution.setVariable(PROGRAMME_YEAR_END_DATE, dates.fromNow((String) execution.getVariable(PROGRAMME_DURATION)));
    execution.setVariable(CONFERENCE_LATEST_DATE, dates.dateFromNow((String) execution.getVariable(CONFERENCE_DUE)));
  }
}
