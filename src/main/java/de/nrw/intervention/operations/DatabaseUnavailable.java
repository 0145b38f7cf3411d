package de.nrw.intervention.operations;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached (stopped, restarting, network gone, pool waited in vain): 503 with a short German
 * message, never Camunda's 500 with an exception text. Recognised by the cause, whoever wrapped it (MyBatis, the
 * engine, Spring's transaction manager, Camunda's REST layer). The same request succeeds once the database is back:
 * the pool opens new connections by itself, no restart needed.
 *
 * <p>Public for {@code caseinput.CaseInputExceptionMappers}, which owns the mappers of the engine's exception types.
 */
public final class DatabaseUnavailable {

  static final int STATUS = 503;
  static final String TYPE = "DatabaseUnavailable";
  static final String MESSAGE = "Der Dienst ist kurz nicht verfügbar, weil die Datenbank nicht erreichbar ist. "
      + "Bitte in einer Minute erneut versuchen.";
  static final String RETRY_AFTER_SECONDS = "30";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

  private DatabaseUnavailable() {
  }

  /** The JAX-RS answer when {@code failure} comes from an unreachable database. */
  public static Optional<Response> response(Throwable failure) {
    return cause(failure).map(cause -> {
      log(cause);
      return Response.status(STATUS)
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .header("Cache-Control", "no-store")
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", TYPE, "message", MESSAGE))
          .build();
    });
  }

  /**
   * The connection-level cause, if any: the pool's timeout, a refused or broken connection (SQL state class 08), or
   * PostgreSQL shutting down or starting up (57P01–57P03). Not a constraint violation, a deadlock or bad SQL.
   */
  static Optional<SQLException> cause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> open = new ArrayDeque<>(List.of(failure));
    while (!open.isEmpty()) {
      Throwable t = open.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException sql && isConnectionFailure(sql)) {
        return Optional.of(sql);
      }
      // A rollback on a connection the database closed fails too ("Connection is closed", no SQL state); Spring then
      // throws that, and keeps the exception that caused the rollback aside.
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        open.push(rollback.getApplicationException());
      }
      if (t.getCause() != null) {
        open.push(t.getCause());
      }
    }
    return Optional.empty();
  }

  private static boolean isConnectionFailure(SQLException sql) {
    String state = sql.getSQLState();
    return sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
        || state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /** One line, no stack trace: the cause is what the operator needs; readiness shows the outage as well. */
  static void log(SQLException cause) {
    LOG.warn("Database unavailable, answered 503: {} (SQL state {})", cause.getMessage(), cause.getSQLState());
  }
}
