package de.nrw.intervention.operations;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Spring's exceptions that reach a JAX-RS resource unwrapped when the database is gone: the transaction manager's
 * {@code CannotCreateTransactionException} (no connection for the engine's transaction) and data-access exceptions of
 * our own queries. Camunda maps them as any {@code Exception}, to 500; an outage becomes 503 here, anything else keeps
 * Camunda's answer. The engine's own exception types are mapped in {@code caseinput.CaseInputExceptionMappers}.
 */
final class DatabaseOutageMappers {

  private static final int PRIORITY = Priorities.USER - 1000;

  private DatabaseOutageMappers() {
  }

  static Response toResponse(Throwable exception) {
    return DatabaseUnavailable.response(exception)
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }

  @Priority(PRIORITY)
  static final class Transaction implements ExceptionMapper<TransactionException> {
    @Override
    public Response toResponse(TransactionException exception) {
      return DatabaseOutageMappers.toResponse(exception);
    }
  }

  @Priority(PRIORITY)
  static final class DataAccess implements ExceptionMapper<DataAccessException> {
    @Override
    public Response toResponse(DataAccessException exception) {
      return DatabaseOutageMappers.toResponse(exception);
    }
  }

  /**
   * Adds the mappers to every Jersey application of this app ({@code /engine-rest}, the web apps' APIs), as
   * {@code security.DirectoryOutageDiscoverable} does. Public because Jersey's service lookup instantiates it.
   */
  public static final class Discoverable implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(Transaction.class)) {
        context.register(new Transaction());
        context.register(new DataAccess());
      }
    }
  }
}
