package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.nrw.intervention.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The connection check behind DatabaseUnavailable's answer for failures whose cause does not say. */
class DatabaseProbeTest {

  private final DataSource dataSource = mock(DataSource.class);
  private final Connection connection = mock(Connection.class);

  @Test
  void aValidConnection_answers_andIsClosedAgain() throws Exception {
    when(dataSource.getConnection()).thenReturn(connection);
    when(connection.isValid(2)).thenReturn(true);

    assertThat(new DatabaseProbe(dataSource, Clock.systemUTC()).getAsBoolean()).isTrue();
    verify(connection).close();
  }

  @Test
  void poolTimeoutOrInvalidConnection_doesNotAnswer() throws Exception {
    when(dataSource.getConnection()).thenThrow(new SQLTransientConnectionException("request timed out after 5000ms"));
    assertThat(new DatabaseProbe(dataSource, Clock.systemUTC()).getAsBoolean()).isFalse();

    DataSource invalid = mock(DataSource.class);
    when(invalid.getConnection()).thenReturn(connection);
    when(connection.isValid(2)).thenReturn(false);
    assertThat(new DatabaseProbe(invalid, Clock.systemUTC()).getAsBoolean()).isFalse();
  }

  @Test
  void oneCheckServesTheNextSecond_thenTheDatabaseIsAskedAgain() throws Exception {
    when(dataSource.getConnection()).thenThrow(new SQLTransientConnectionException("request timed out"));
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    DatabaseProbe probe = new DatabaseProbe(dataSource, clock);

    probe.getAsBoolean();
    clock.advance(Duration.ofMillis(900));
    probe.getAsBoolean();
    verify(dataSource, times(1)).getConnection();

    clock.advance(Duration.ofMillis(200));
    probe.getAsBoolean();
    verify(dataSource, times(2)).getConnection();
  }

  @Test
  void aClosedApplicationsProbe_isReplacedByAnswers_butNotAnotherApplicationsProbe() throws Exception {
    when(dataSource.getConnection()).thenThrow(new SQLTransientConnectionException("pool closed"));
    DatabaseProbe closed = new DatabaseProbe(dataSource, Clock.systemUTC()).install();
    DatabaseProbe other = new DatabaseProbe(dataSource, Clock.systemUTC());
    try {
      other.destroy(); // not installed: changes nothing
      assertThat(DatabaseUnavailable.reason(new java.sql.SQLException("no state"))).isPresent();

      closed.destroy();
      assertThat(DatabaseUnavailable.reason(new java.sql.SQLException("no state"))).isEmpty();
    } finally {
      closed.destroy();
    }
  }
}
