package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

class MailServerHealthIndicatorTest {

  private static final OperationsProperties PROPERTIES =
      new OperationsProperties(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(20));

  private final AtomicInteger connectionTests = new AtomicInteger();
  private Health connectionResult = Health.down().withDetail("location", "localhost:2525").build();
  private final HealthIndicator connectionTest = () -> {
    connectionTests.incrementAndGet();
    return connectionResult;
  };

  @Test
  void unreachableMailServer_isReportedDegraded_andDoesNotLowerTheAggregateStatus() {
    MailServerHealthIndicator mail = at(Instant.parse("2026-11-24T08:00:00Z"));

    Health health = mail.health();

    assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
    assertThat(health.getDetails()).containsEntry("location", "localhost:2525");
    // The root health aggregates with Spring Boot's default order; a status outside it is not ranked.
    assertThat(new SimpleStatusAggregator().getAggregateStatus(Status.UP, health.getStatus())).isEqualTo(Status.UP);
  }

  @Test
  void reachableMailServer_isUp() {
    connectionResult = Health.up().build();

    assertThat(at(Instant.parse("2026-11-24T08:00:00Z")).health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void connectionTest_runsOncePerCacheTime() {
    Instant start = Instant.parse("2026-11-24T08:00:00Z");
    MutableClock clock = new MutableClock(start);
    MailServerHealthIndicator mail = new MailServerHealthIndicator(connectionTest, PROPERTIES, clock);

    mail.health();
    clock.set(start.plusSeconds(59));
    mail.health();
    assertThat(connectionTests).hasValue(1);

    clock.set(start.plusSeconds(60));
    mail.health();
    assertThat(connectionTests).hasValue(2);
  }

  private MailServerHealthIndicator at(Instant now) {
    return new MailServerHealthIndicator(connectionTest, PROPERTIES, Clock.fixed(now, ZoneOffset.UTC));
  }
}
