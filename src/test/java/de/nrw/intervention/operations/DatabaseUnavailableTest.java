package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
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
}
