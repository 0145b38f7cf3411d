package de.nrw.intervention.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile with demo settings, before the engine creates any user:
 * a production system must never come up with a known or empty administrator password.
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor {

  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MIN_PSEUDONYM_KEY_LENGTH = 32;
  private static final String LDAP = "ldap";
  private static final String ENGINE = "camunda.bpm.generic-properties.properties.";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      problems.add("the demo profile is active together with prod; start with SPRING_PROFILES_ACTIVE=prod only");
    }
    if (environment.acceptsProfiles(Profiles.of(LDAP))) {
      checkDirectory(environment, problems);
    } else {
      String password = environment.getProperty("camunda.bpm.admin-user.password", "");
      if (password.isBlank()) {
        problems.add("INTERVENTION_ADMIN_PASSWORD is not set; set it to the administrator's initial password "
            + "(at least " + MIN_PASSWORD_LENGTH + " characters)");
      } else if (password.length() < MIN_PASSWORD_LENGTH || password.equalsIgnoreCase("demo")) {
        problems.add("INTERVENTION_ADMIN_PASSWORD is too weak; use at least " + MIN_PASSWORD_LENGTH + " characters");
      } else if (password.toLowerCase().contains(environment.getProperty("camunda.bpm.admin-user.id", "admin").toLowerCase())) {
        // The engine's password policy refuses it too, but only later, with a less helpful message.
        problems.add("INTERVENTION_ADMIN_PASSWORD contains the administrator's user id; choose another");
      }
    }
    tasklistLinkProblem(environment.getProperty("intervention.reminders.tasklist-base-url", ""))
        .ifPresent(problems::add);
    pseudonymKeyProblem(environment.getProperty("intervention.conference.pseudonym-key", "")).ifPresent(problems::add);
    if (environment.getProperty("intervention.identity.seed-demo-users", Boolean.class, false)) {
      problems.add("intervention.identity.seed-demo-users is true; demo users with password 'demo' must not exist in production");
    }
    if (environment.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
      problems.add("spring.h2.console.enabled is true; the H2 console gives database access without the engine's checks");
    }
    requireSetting(environment, problems, "camunda.bpm.authorization.enabled", true,
        "without authorizations every user sees every case");
    requireSetting(environment, problems, ENGINE + "enable-password-policy", true,
        "the password policy (at least " + MIN_PASSWORD_LENGTH + " characters) must be on");
    requireSetting(environment, problems, ENGINE + "enable-expressions-in-adhoc-queries", false,
        "expressions in ad-hoc queries run code sent by any user");
    requireSetting(environment, problems, ENGINE + "java-serialization-format-enabled", false,
        "Java-serialized variables can run code when read");
    requireSetting(environment, problems, ENGINE + "deserialization-type-validation-enabled", true,
        "deserialization type validation must be on");
    requireSetting(environment, problems, "camunda.bpm.webapp.session-cookie.enable-secure-flag", true,
        "the web-app session cookie must be Secure");
    requireSetting(environment, problems, "camunda.bpm.webapp.csrf.enable-secure-cookie", true,
        "the CSRF cookie must be Secure");
    requireSetting(environment, problems, "camunda.bpm.webapp.header-security.hsts-disabled", false,
        "HSTS must be on");
    if (!problems.isEmpty()) {
      throw new InsecureConfigurationException(problems);
    }
  }

  /**
   * Users come from the directory: no local administrator, but the bind password and the users' passwords cross the
   * network to the directory, so the connection must be encrypted unless someone decided otherwise in writing.
   */
  private static void checkDirectory(ConfigurableEnvironment environment, List<String> problems) {
    String url = environment.getProperty("intervention.ldap.url", "");
    boolean allowUnencrypted = environment.getProperty("intervention.ldap.allow-unencrypted", Boolean.class, false);
    if (url.isBlank()) {
      problems.add("INTERVENTION_LDAP_URL is not set; set it to the directory's ldaps:// address");
    } else if (!url.regionMatches(true, 0, "ldaps://", 0, 8) && !allowUnencrypted) {
      problems.add("INTERVENTION_LDAP_URL " + url + " is not encrypted; use ldaps:// (TLS), or set "
          + "INTERVENTION_LDAP_ALLOW_UNENCRYPTED=true if the connection is protected otherwise (e.g. localhost)");
    }
    if (environment.getProperty("intervention.ldap.manager-password", "").isBlank()) {
      problems.add("INTERVENTION_LDAP_MANAGER_PASSWORD is not set; the application binds to the directory with "
          + "INTERVENTION_LDAP_MANAGER_DN and this password");
    }
    if (!"false".equals(environment.getProperty("camunda.bpm.admin-user.id", "false"))) {
      problems.add("camunda.bpm.admin-user.id is set, but users come from the read-only directory; list ldap after "
          + "prod in SPRING_PROFILES_ACTIVE (prod,ldap) and do not set INTERVENTION_ADMIN_USER");
    }
  }

  /**
   * Every reminder and escalation links to Tasklist. The default points at localhost, which in production sends
   * caseworkers and supervisors to a page that does not exist on their machine; plain http would fail anyway, because
   * prod's session cookies are Secure.
   */
  static Optional<String> tasklistLinkProblem(String url) {
    String fix = "set INTERVENTION_REMINDERS_TASKLIST_BASE_URL to the public Tasklist address caseworkers use, e.g. "
        + "https://intervention.example.nrw/camunda/app/tasklist/default";
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      return Optional.of("INTERVENTION_REMINDERS_TASKLIST_BASE_URL is not a valid URL; " + fix);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (url.isBlank() || host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        || host.equals("0.0.0.0")) {
      return Optional.of("INTERVENTION_REMINDERS_TASKLIST_BASE_URL is not set (mails would link " + url
          + "); " + fix);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return Optional.of("INTERVENTION_REMINDERS_TASKLIST_BASE_URL must start with https:// (prod's session "
          + "cookies are Secure, so an http link cannot log in); " + fix);
    }
    return Optional.empty();
  }

  /**
   * The person pseudonym is only as safe as its key: with the (public) demo key, anyone holding a person number could
   * find out whether that person was referred to a case conference. The demo default is marked "not-secret".
   */
  static Optional<String> pseudonymKeyProblem(String key) {
    if (key.isBlank() || key.startsWith("not-secret")) {
      return Optional.of("INTERVENTION_CONFERENCE_PSEUDONYM_KEY is not set; set it to a random secret of at least "
          + MIN_PSEUDONYM_KEY_LENGTH + " characters (the key of the person pseudonym for repeat referrals; changing it "
          + "later makes earlier referrals unrecognisable)");
    }
    if (key.length() < MIN_PSEUDONYM_KEY_LENGTH) {
      return Optional.of("INTERVENTION_CONFERENCE_PSEUDONYM_KEY is too short; use at least " + MIN_PSEUDONYM_KEY_LENGTH
          + " random characters");
    }
    return Optional.empty();
  }

  private static void requireSetting(ConfigurableEnvironment environment, List<String> problems, String key,
      boolean required, String why) {
    Boolean actual = environment.getProperty(key, Boolean.class);
    if (actual == null || actual != required) {
      problems.add(key + " must be " + required + " (" + why + ")");
    }
  }
}
