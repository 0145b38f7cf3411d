package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile's rules for the directory (profile ldap), without starting anything. */
class ProductionSettingsCheckTest {

  private final ProductionSettingsCheck check = new ProductionSettingsCheck();

  @Test
  void prodWithLdap_refusesAnUnencryptedDirectory_unlessExplicitlyAllowed() {
    MockEnvironment environment = secureProdWithLdap().withProperty("intervention.ldap.url", "ldap://ldap.example:389");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("INTERVENTION_LDAP_URL ldap://ldap.example:389 is not encrypted")
        .hasMessageContaining("INTERVENTION_LDAP_ALLOW_UNENCRYPTED=true");

    environment.setProperty("intervention.ldap.allow-unencrypted", "true");
    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void prodWithLdap_acceptsLdaps_withoutALocalAdministratorPassword() {
    assertThatCode(() -> check.postProcessEnvironment(secureProdWithLdap(), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void prodWithLdap_needsTheUrlAndTheBindPassword_andNoLocalAdministrator() {
    MockEnvironment environment = secureProdWithLdap();
    environment.setProperty("intervention.ldap.url", "");
    environment.setProperty("intervention.ldap.manager-password", "");
    environment.setProperty("camunda.bpm.admin-user.id", "admin");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("INTERVENTION_LDAP_URL is not set")
        .hasMessageContaining("INTERVENTION_LDAP_MANAGER_PASSWORD is not set")
        .hasMessageContaining("list ldap after prod");
  }

  @Test
  void prodWithoutLdap_stillNeedsTheAdministratorPassword() {
    MockEnvironment environment = secureProdWithLdap();
    environment.setActiveProfiles("prod");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("INTERVENTION_ADMIN_PASSWORD is not set");
  }

  @Test
  void prod_refusesTheDemoPseudonymKey_andAShortOne() {
    MockEnvironment environment = secureProdWithLdap()
        .withProperty("intervention.conference.pseudonym-key", "not-secret-demo-and-test-key-only");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("INTERVENTION_CONFERENCE_PSEUDONYM_KEY is not set");

    environment.setProperty("intervention.conference.pseudonym-key", "short-but-secret");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("INTERVENTION_CONFERENCE_PSEUDONYM_KEY is too short");
  }

  /** What application.yaml, application-prod.yaml and application-ldap.yaml give, plus the operator's variables. */
  private static MockEnvironment secureProdWithLdap() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("intervention.ldap.url", "ldaps://ldap.example:636")
        .withProperty("intervention.ldap.manager-password", "bind-secret")
        .withProperty("camunda.bpm.admin-user.id", "false")
        .withProperty("intervention.conference.pseudonym-key", "b3f1c6e09a8d4f27a5e1c0d9b8a7f6e5")
        .withProperty("intervention.reminders.tasklist-base-url", "https://intervention.example.nrw/camunda/app/tasklist/default")
        .withProperty("camunda.bpm.authorization.enabled", "true")
        .withProperty("camunda.bpm.generic-properties.properties.enable-password-policy", "true")
        .withProperty("camunda.bpm.generic-properties.properties.enable-expressions-in-adhoc-queries", "false")
        .withProperty("camunda.bpm.generic-properties.properties.java-serialization-format-enabled", "false")
        .withProperty("camunda.bpm.generic-properties.properties.deserialization-type-validation-enabled", "true")
        .withProperty("camunda.bpm.webapp.session-cookie.enable-secure-flag", "true")
        .withProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", "true")
        .withProperty("camunda.bpm.webapp.header-security.hsts-disabled", "false");
    environment.setActiveProfiles("prod", "ldap");
    return environment;
  }
}
