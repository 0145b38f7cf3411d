package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures count as "the database is unreachable", as they arrived during DatabaseRestartIT. */
class DatabaseUnavailableTest {

  @Test
  void poolTimeout_insideSpringsTransactionException_is503WithAGermanMessage() {
    Throwable failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms"));

    Response response = DatabaseUnavailable.response(failure).orElseThrow();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
    assertThat(((Map<?, ?>) response.getEntity()).get("message").toString()).contains("Datenbank", "erneut versuchen");
  }

  @Test
  void serverShuttingDown_wrappedByMyBatisTheEngineAndRest_isRecognised() {
    SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    Throwable failure = new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEnginePersistenceException("persistence", new PersistenceException("Error querying database", shutdown)));

    assertThat(DatabaseUnavailable.cause(failure)).containsSame(shutdown);
  }

  @Test
  void failedRollbackOnAClosedConnection_isRecognisedByTheExceptionThatCausedTheRollback() {
    SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new PersistenceException(broken));

    assertThat(DatabaseUnavailable.cause(new ProcessEnginePersistenceException("persistence", rollback))).containsSame(broken);
  }

  @Test
  void constraintViolationOrBadSql_isNotAnOutage() {
    assertThat(DatabaseUnavailable.response(new ProcessEnginePersistenceException("persistence", new PersistenceException(
        new SQLException("duplicate key value violates unique constraint", "23505"))))).isEmpty();
    assertThat(DatabaseUnavailable.response(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isEmpty();
  }

  @Test
  void failedBatch_isRecognisedByItsNextException_andTheReasonQuotesNoStatementValues() {
    java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException(
        "Batch entry 0 insert into ACT_RU_VARIABLE values ('victimName', 'Erika Mustermann') was aborted", null, 0,
        new int[0], null);
    batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    Throwable failure = new ProcessEnginePersistenceException("persistence", new PersistenceException(batch));

    assertThat(DatabaseUnavailable.reason(failure)).hasValueSatisfying(reason -> assertThat(reason)
        .contains("08006").doesNotContain("Erika", "insert"));
  }

  @Test
  void persistenceFailureWithoutAnOutageCause_is503OnlyWhileTheDatabaseDoesNotAnswer() {
    Throwable failure = new ProcessEnginePersistenceException("persistence",
        new PersistenceException(new SQLException("Connection handle already closed")));
    AtomicBoolean answering = new AtomicBoolean(false);
    BooleanSupplier probe = answering::get;
    try {
      DatabaseUnavailable.probeWith(probe);
      assertThat(DatabaseUnavailable.response(failure)).hasValueSatisfying(r -> assertThat(r.getStatus()).isEqualTo(503));

      answering.set(true);
      assertThat(DatabaseUnavailable.response(failure)).isEmpty();
    } finally {
      DatabaseUnavailable.probeWith(null, probe);
    }
  }

  @Test
  void failureOutsideThePersistenceLayer_neverAsksTheDatabase() {
    AtomicInteger asked = new AtomicInteger();
    BooleanSupplier counting = () -> {
      asked.incrementAndGet();
      return false;
    };
    try {
      DatabaseUnavailable.probeWith(counting);
      assertThat(DatabaseUnavailable.response(new IllegalStateException("form field missing"))).isEmpty();
      assertThat(asked).hasValue(0);
    } finally {
      DatabaseUnavailable.probeWith(null, counting);
    }
  }
}
