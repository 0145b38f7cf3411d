package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Variables.PERSON_PSEUDONYM;
import static de.nrw.intervention.conference.CaseConference.Variables.REPEAT_REFERRAL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Flags a case as a repeat referral before its risk level is decided, so the risk decision can raise the level
 * (docs/processes/conference-case.md). A case without a person number is never a repeat: nothing to match on.
 * Registered as bean {@code recogniseRepeatReferralListener} by {@link ConferenceConfiguration}.
 */
class RecogniseRepeatReferralListener implements ExecutionListener {

  private final RepeatReferrals repeats;

  RecogniseRepeatReferralListener(RepeatReferrals repeats) {
    this.repeats = repeats;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object pseudonym = execution.getVariable(PERSON_PSEUDONYM);
    execution.setVariable(REPEAT_REFERRAL,
        repeats.isRepeat(execution.getProcessEngineServices(), pseudonym instanceof String text ? text : null));
  }
}
