package de.nrw.intervention.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Need-to-know and hardening settings (see docs/SECURITY.md).
 *
 * @param routingDecision the decision that maps {@code district} to the district's agency groups; a case whose
 *     district matches no row is refused at start
 * @param caseOpenerOutputs routing outputs whose groups may read every case of their district from its start:
 *     the police who open and close it, and the supervisors who watch it in Cockpit
 * @param taskOnlyGroupPrefixes agencies that see only the tasks offered to them, never the case around them
 * @param maxRequestBody larger API request bodies are refused with 413 before anything parses them
 * @param absoluteSessionTimeout a web-app session ends this long after login, however active
 * @param passwordMinLength the engine's password policy (applies where the policy is enabled)
 * @param restAuthenticationCacheTime a successful HTTP Basic check on /engine-rest is remembered this long (as the
 *     web apps' authentication cache); 0 checks every call
 */
@ConfigurationProperties("intervention.security")
record SecurityProperties(
    @DefaultValue("district-routing") String routingDecision,
    @DefaultValue({"policeGroup", "policeSupervisorGroup"}) List<String> caseOpenerOutputs,
    @DefaultValue("school") List<String> taskOnlyGroupPrefixes,
    @DefaultValue("256KB") DataSize maxRequestBody,
    @DefaultValue("8h") Duration absoluteSessionTimeout,
    @DefaultValue("12") int passwordMinLength,
    @DefaultValue("55s") Duration restAuthenticationCacheTime) {

  boolean isTaskOnlyGroup(String groupId) {
    return taskOnlyGroupPrefixes.stream().anyMatch(groupId::startsWith);
  }
}
