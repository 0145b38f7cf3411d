package de.nrw.intervention.domesticviolence;

import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.CASE_REFERENCE;
import static de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Variables.OPERATION_DATE_TIME;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.SchoolChildSlots;
import de.nrw.intervention.schoolnotice.SchoolNotice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Before each call of school-notice (one per child, {@code schoolChildSlot}): the notice's variables, local to that
 * call, so the call activity can hand over exactly these and nothing of the case. The notice's reference is the
 * case's with the slot ({@code KOE-2026-004711/1}): one open case per reference and process, and one notice per child.
 * The operation's day, not its time: the school needs no more.
 */
@Component("prepareSchoolNoticeListener")
class PrepareSchoolNoticeListener implements ExecutionListener {

  static final String NOTICE_REFERENCE = "noticeReference";

  private final CaseDates caseDates;

  PrepareSchoolNoticeListener(CaseDates caseDates) {
    this.caseDates = caseDates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    int slot = (int) CaseFacts.number(execution.getVariable(SchoolChildSlots.SLOT));
    execution.setVariableLocal(NOTICE_REFERENCE, execution.getVariable(CASE_REFERENCE) + "/" + slot);
    execution.setVariableLocal(SchoolNotice.Variables.CHILD_FIRST_NAME,
        text(execution.getVariable(SchoolChildSlots.firstName(slot))));
    execution.setVariableLocal(SchoolNotice.Variables.CHILD_SCHOOL,
        text(execution.getVariable(SchoolChildSlots.school(slot))));
    execution.setVariableLocal(SchoolNotice.Variables.CHILD_PRESENT, execution.getVariable(SchoolChildSlots.present(slot)));
    execution.setVariableLocal(SchoolNotice.Variables.LEGAL_BASIS, execution.getVariable(SchoolChildSlots.legalBasis(slot)));
    execution.setVariableLocal(SchoolNotice.Variables.POLICE_ATTENDED_ON,
        caseDates.parse(execution.getVariable(OPERATION_DATE_TIME)).toLocalDate().toString());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString().strip();
  }
}
