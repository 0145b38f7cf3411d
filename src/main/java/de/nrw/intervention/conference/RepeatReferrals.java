package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.CASE_PROCESS_KEY;
import static de.nrw.intervention.conference.CaseConference.Variables.PERSON_PSEUDONYM;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Whether a person was referred to a case conference within the repeat window (SafeLives: 12 months) before now, in
 * any district: the earlier referral's case instance carries the same pseudonym. Answers only yes or no; the earlier
 * case, its district and its agencies stay hidden from the asking officer.
 */
final class RepeatReferrals {

  private final Period window;
  private final ZoneId zone;

  RepeatReferrals(Period window, ZoneId zone) {
    this.window = window;
    this.zone = zone;
  }

  boolean isRepeat(ProcessEngineServices engine, String pseudonym) {
    if (pseudonym == null || pseudonym.isBlank()) {
      return false;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Date since = Date.from(now.atZone(zone).minus(window).toInstant());
    CommandContext context = Context.getCommandContext();
    // The earlier referral may be another district's: the check must see it, the officer must not.
    return context.runWithoutAuthorization(() -> engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processDefinitionKey(CASE_PROCESS_KEY)
        .variableValueEquals(PERSON_PSEUDONYM, pseudonym)
        .list().stream()
        .anyMatch(earlier -> earlier.getCreateTime() != null && !earlier.getCreateTime().before(since)));
  }
}
