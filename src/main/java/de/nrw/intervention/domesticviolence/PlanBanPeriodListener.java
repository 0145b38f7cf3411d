package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_ENDS_AT;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.BAN_LATEST_EXTENDED_END;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.EXPULSION_ORDER_DATE_TIME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Sets the two ban timers' dates (regular end, latest end after a court application) from the order date. */
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
  }
}
