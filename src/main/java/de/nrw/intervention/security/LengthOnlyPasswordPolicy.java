package de.nrw.intervention.security;

import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * Current guidance (NIST SP 800-63B, BSI IT-Grundschutz ORP.4) asks for length and against composition rules:
 * the engine's default policy demands digits, capitals and special characters, which pushes people to
 * predictable passwords. Ours: a minimum length and no password made of the user's own id or name.
 */
class LengthOnlyPasswordPolicy implements PasswordPolicy {

  private final List<PasswordPolicyRule> rules;

  LengthOnlyPasswordPolicy(int minLength) {
    this.rules = List.of(new PasswordPolicyLengthRuleImpl(minLength), new PasswordPolicyUserDataRuleImpl());
  }

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }
}
