package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_ENDS_AT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_END_TEXT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_LATEST_EXTENDED_END;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_LATEST_EXTENDED_END_TEXT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.EXPULSION_ORDER_DATE_TIME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Sets the two ban timers' dates (regular end, latest end after a court application) from the order date, and the
 * same ends as caseworkers read them ("endet mit Ablauf des 05.12.2026"): a timer at midnight shown as a date-time
 * reads as one day too many.
 */
@Component("planBanPeriodListener")
class PlanBanPeriodListener implements ExecutionListener {

  private final CaseDates caseDates;

  PlanBanPeriodListener(CaseDates caseDates) {
    this.caseDates = caseDates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object orderDateTime = execution.getVariable(EXPULSION_ORDER_DATE_TIME);
    execution.setVariable(BAN_ENDS_AT, caseDates.banEnd(orderDateTime));
    execution.setVariable(BAN_LATEST_EXTENDED_END, caseDates.latestExtendedBanEnd(orderDateTime));
    execution.setVariable(BAN_END_TEXT, caseDates.banEndText(orderDateTime));
    execution.setVariable(BAN_LATEST_EXTENDED_END_TEXT, caseDates.latestExtendedBanEndText(orderDateTime));
  }
}
