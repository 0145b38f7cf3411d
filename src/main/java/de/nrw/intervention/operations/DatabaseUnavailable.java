package de.nrw.intervention.operations;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
    return reason(failure).map(reason -> {
      log(reason);
      return Response.status(STATUS)
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .header("Cache-Control", "no-store")
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", TYPE, "message", MESSAGE))
          .build();
    });
  }

  /**
   * Installed by {@code OperationsConfiguration}: whether the database answers right now. Until then (and in unit
   * tests of other classes) it is taken to answer, so nothing is reported as an outage that the cause does not say.
   */
  private static volatile BooleanSupplier databaseAnswers = () -> true;

  static synchronized void probeWith(BooleanSupplier answers) {
    databaseAnswers = answers;
  }

  /** Replaces {@code installed} (if it still is) with {@code replacement}, or with "answers" for null. */
  static synchronized void probeWith(BooleanSupplier replacement, BooleanSupplier installed) {
    if (databaseAnswers == installed) {
      databaseAnswers = replacement != null ? replacement : () -> true;
    }
  }

  /**
   * Why {@code failure} is an outage, for the log (no SQL text: a driver's message may quote a statement's values),
   * or empty. First by the cause ({@link #cause}). A persistence failure whose cause does not say (a driver's or
   * pool's message for a connection that broke mid-statement, without an SQL state) counts when the database does
   * not answer a connection check right now: then "try again in a minute" is the truthful answer, and a 500 with the
   * engine's English text is not. A failure while the database answers stays what it is.
   */
  static Optional<String> reason(Throwable failure) {
    Optional<SQLException> cause = cause(failure);
    if (cause.isPresent()) {
      return Optional.of("SQL state " + cause.get().getSQLState() + ", " + cause.get().getClass().getSimpleName());
    }
    if (persistenceFailure(failure) && !databaseAnswers.getAsBoolean()) {
      Throwable root = failure;
      for (int depth = 0; root.getCause() != null && depth < 50; depth++) { // bounded: a chain may loop
        root = root.getCause();
      }
      String state = root instanceof SQLException sql ? " (SQL state " + sql.getSQLState() + ")" : "";
      return Optional.of(failure.getClass().getSimpleName() + ", innermost " + root.getClass().getName() + state
          + ", while the database does not answer a connection check");
    }
    return Optional.empty();
  }

  /** A failure of the persistence layer: an SQL exception or MyBatis's, Spring's or the engine's wrapper of one. */
  static boolean persistenceFailure(Throwable failure) {
    return causes(failure).stream().anyMatch(t -> t instanceof SQLException
        || t instanceof org.apache.ibatis.exceptions.PersistenceException
        || t instanceof org.camunda.bpm.engine.ProcessEnginePersistenceException
        || t instanceof org.springframework.dao.DataAccessException
        || t instanceof org.springframework.transaction.TransactionException);
  }

  /**
   * The connection-level cause, if any: the pool's timeout, a refused or broken connection (SQL state class 08), or
   * PostgreSQL shutting down or starting up (57P01–57P03). Not a constraint violation, a deadlock or bad SQL.
   */
  static Optional<SQLException> cause(Throwable failure) {
    return causes(failure).stream()
        .filter(t -> t instanceof SQLException sql && isConnectionFailure(sql))
        .map(SQLException.class::cast)
        .findFirst();
  }

  /** {@code failure} and its causes, outermost first, each once. */
  private static List<Throwable> causes(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> all = new ArrayList<>();
    Deque<Throwable> open = new ArrayDeque<>(List.of(failure));
    while (!open.isEmpty()) {
      Throwable t = open.pop();
      if (!seen.add(t)) {
        continue;
      }
      all.add(t);
      // A rollback on a connection the database closed fails too ("Connection is closed", no SQL state); Spring then
      // throws that, and keeps the exception that caused the rollback aside.
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        open.push(rollback.getApplicationException());
      }
      // A failed batch names the failure of each statement as its "next exception".
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        open.push(sql.getNextException());
      }
      if (t.getCause() != null) {
        open.push(t.getCause());
      }
    }
    return all;
  }

  private static boolean isConnectionFailure(SQLException sql) {
    String state = sql.getSQLState();
    return sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
        || state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /**
   * One line, no stack trace: the cause is what the operator needs; readiness shows the outage as well. Not the
   * driver's message, which for a failed batch quotes the statement with its values (case data).
   */
  static void log(String reason) {
    LOG.warn("Database unavailable, answered 503: {}", reason);
  }
}
