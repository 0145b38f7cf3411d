package de.nrw.intervention.operations;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.mail.MailHealthIndicator;

/**
 * The mail server's health as admins see it, without letting it fail the application's health.
 *
 * <p>An unreachable mail server does not make the platform unusable: reminders and escalations wait
 * in the job executor's retries and are sent once the server is back. Reporting DOWN would fail the
 * root health (and with it the container HEALTHCHECK, which restarts a healthy application), so an
 * outage is reported as {@value #DEGRADED_CODE}: a status the health aggregation does not rank, so the
 * root stays UP while {@code /actuator/health/mail} shows the outage. Alert on reminder failures
 * ({@code intervention_reminders_failures_total}), not on this status.
 *
 * <p>The SMTP connection test is cached: every health call (HEALTHCHECK, probes, admins) would
 * otherwise open a connection to the mail server.
 */
class MailServerHealthIndicator implements HealthIndicator {

  static final String DEGRADED_CODE = "DEGRADED";
  static final Status DEGRADED = new Status(DEGRADED_CODE, "mail server unreachable; reminders wait in job retries");

  private final HealthIndicator connectionTest;
  private final OperationsProperties properties;
  private final Clock clock;
  private volatile Health cached;
  private volatile Instant checkedAt = Instant.MIN;

  MailServerHealthIndicator(HealthIndicator connectionTest, OperationsProperties properties, Clock clock) {
    this.connectionTest = connectionTest;
    this.properties = properties;
    this.clock = clock;
  }

  static MailServerHealthIndicator of(MailHealthIndicator springMailHealth, OperationsProperties properties) {
    return new MailServerHealthIndicator(springMailHealth, properties, Clock.systemUTC());
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(checkedAt.plus(properties.mailHealthCacheTime()))) {
      cached = check();
      checkedAt = now;
    }
    return cached;
  }

  private Health check() {
    Health health = connectionTest.health();
    if (Status.UP.equals(health.getStatus())) {
      return health;
    }
    return Health.status(DEGRADED).withDetails(health.getDetails()).build();
  }
}
