package de.nrw.intervention.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;

/**
 * Whether the database answers a connection check now: a connection from the pool and {@code isValid}. Asked by
 * {@link DatabaseUnavailable} only for a persistence failure whose cause does not name an outage, so it costs nothing
 * while all is well; during an outage it waits at most the pool's connection timeout. One answer serves every failure
 * of the next second, so a burst of failing requests does not queue a burst of checks.
 */
final class DatabaseProbe implements BooleanSupplier, DisposableBean {

  private static final Duration REUSE = Duration.ofSeconds(1);
  private static final int VALID_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final Clock clock;
  private volatile Instant askedAt = Instant.MIN;
  private volatile boolean answered = true;

  DatabaseProbe(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Installs this probe for the REST mappers and the outage filter, which the engine's REST layer creates itself. */
  DatabaseProbe install() {
    DatabaseUnavailable.probeWith(this);
    return this;
  }

  @Override
  public boolean getAsBoolean() {
    Instant now = clock.instant();
    if (now.isBefore(askedAt.plus(REUSE))) {
      return answered;
    }
    boolean answers;
    try (Connection connection = dataSource.getConnection()) {
      answers = connection.isValid(VALID_TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException unreachable) {
      answers = false;
    }
    answered = answers;
    askedAt = clock.instant();
    return answers;
  }

  /** A closed application's pool must not speak for another one in the same JVM (tests): back to "answers". */
  @Override
  public void destroy() {
    DatabaseUnavailable.probeWith(null, this);
  }
}
