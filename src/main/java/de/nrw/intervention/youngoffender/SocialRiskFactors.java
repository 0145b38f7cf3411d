package de.nrw.intervention.youngoffender;

import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.RISK_FACTORS;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Counts the social risk factors ticked on the start form, the input of the track decision.
 *
 * <p>A factor counts only when it is {@code true} (form-js checkbox) or the text {@code "true"} (REST);
 * a factor a calling system left out counts as not present instead of failing the start.
 */
@Component("socialRiskFactors")
public class SocialRiskFactors {

  public int count(VariableScope variables) {
    int count = 0;
    for (String factor : RISK_FACTORS) {
      Object value = variables.getVariable(factor);
      if (Boolean.TRUE.equals(value) || (value instanceof String text && Boolean.parseBoolean(text.trim()))) {
        count++;
      }
    }
    return count;
  }
}
