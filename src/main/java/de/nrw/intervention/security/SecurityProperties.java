package de.nrw.intervention.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Need-to-know and hardening settings (see docs/SECURITY.md).
 *
 * @param maxRequestBody larger API request bodies are refused with 413 before anything parses them
 * @param absoluteSessionTimeout a web-app session ends this long after login, however active
 * @param passwordMinLength the engine's password policy (applies where the policy is enabled)
 * @param restAuthenticationCacheTime a successful HTTP Basic check on /engine-rest is remembered this long (as the
 *     web apps' authentication cache); 0 checks every call
 */
@ConfigurationProperties("intervention.security")
record SecurityProperties(
    @DefaultValue("256KB") DataSize maxRequestBody,
    @DefaultValue("8h") Duration absoluteSessionTimeout,
    @DefaultValue("12") int passwordMinLength,
    @DefaultValue("55s") Duration restAuthenticationCacheTime) {
}
