package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.nrw.intervention.InterventionApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile refuses to start with demo settings, before the engine or any user exists. */
class SecurityProdProfileIT {

  @Test
  void prod_withoutAdminPassword_refusesToStart() {
    assertThatThrownBy(() -> start("prod"))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("INTERVENTION_ADMIN_PASSWORD is not set");
  }

  @Test
  void prod_withDemoProfileOrWeakPassword_refusesToStart() {
    assertThatThrownBy(() -> start("prod,demo", "--camunda.bpm.admin-user.password=demo"))
        .isInstanceOf(InsecureConfigurationException.class).hasMessageContaining("demo profile is active together with prod")
        .hasMessageContaining("INTERVENTION_ADMIN_PASSWORD is too weak")
        .hasMessageContaining("seed-demo-users is true")
        .hasMessageContaining("enable-password-policy must be true");
  }

  @Test
  void prod_withSecuritySwitchedOff_refusesToStart() {
    assertThatThrownBy(() -> start("prod", "--camunda.bpm.admin-user.password=correct horse battery staple",
        "--camunda.bpm.webapp.header-security.hsts-disabled=true",
        "--camunda.bpm.authorization.enabled=false",
        "--spring.h2.console.enabled=true"))
        .isInstanceOf(InsecureConfigurationException.class).hasMessageContaining("hsts-disabled must be false")
        .hasMessageContaining("authorization.enabled must be true")
        .hasMessageContaining("spring.h2.console.enabled is true");
  }

  @Test
  void prodWithLdap_overAnUnencryptedConnection_refusesToStart() {
    assertThatThrownBy(() -> start("prod,ldap", "--intervention.ldap.url=ldap://ldap.example:389",
        "--intervention.ldap.manager-password=bind-secret"))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("INTERVENTION_LDAP_URL ldap://ldap.example:389 is not encrypted")
        .hasMessageNotContaining("INTERVENTION_ADMIN_PASSWORD");
  }

  @Test
  void prod_withTheDefaultTasklistLink_refusesToStart_untilThePublicAddressIsSet() {
    assertThatThrownBy(() -> start("prod", "--camunda.bpm.admin-user.password=correct horse battery staple"))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("INTERVENTION_REMINDERS_TASKLIST_BASE_URL is not set (mails would link "
            + "http://localhost:8080/camunda/app/tasklist/default)");
    assertThatThrownBy(() -> start("prod", "--camunda.bpm.admin-user.password=correct horse battery staple",
        "--intervention.reminders.tasklist-base-url=http://intervention.example.nrw/camunda/app/tasklist/default"))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("must start with https://");
  }

  private static void start(String profiles, String... args) {
    new SpringApplicationBuilder(InterventionApplication.class)
        .web(WebApplicationType.NONE)
        .profiles(profiles.split(","))
        .run(args)
        .close();
  }
}
