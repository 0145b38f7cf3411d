package de.nrw.intervention.caseinput;

import de.nrw.intervention.operations.DatabaseUnavailable;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Mappers for the two exception types Camunda's REST applications map themselves ({@code RestExceptionHandler},
 * {@code ProcessEngineExceptionHandler}): Jersey takes the mapper of the nearest exception type, so ours must map
 * exactly those types, and among mappers of one type the lowest {@link Priority} wins (Camunda's have none, i.e.
 * {@link Priorities#USER}). A database outage answers 503 ({@link DatabaseUnavailable}); whatever else is not a
 * caller's mistake goes to Camunda's handling unchanged.
 */
final class CaseInputExceptionMappers {

  static final int PRIORITY = Priorities.USER - 1000;

  private CaseInputExceptionMappers() {
  }

  static Response toResponse(Throwable exception) {
    return DatabaseUnavailable.response(exception)
        .or(() -> CaseInputError.of(exception).map(CaseInputError::toResponse))
        .or(() -> concurrentChange(exception))
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }

  /**
   * Another transaction changed the case in the same moment (typically a reminder job on the same execution): nothing
   * was written, and the same request succeeds when sent again. Camunda's resources answer that with a 500, which
   * reads as a fault; 409 tells clients and Tasklist users to try again.
   */
  static Optional<Response> concurrentChange(Throwable exception) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", OptimisticLockingException.class.getSimpleName());
        body.put("message", "Der Fall wurde im selben Moment anderweitig geändert (z. B. durch eine Erinnerung). "
            + "Es wurde nichts gespeichert; bitte erneut versuchen.");
        return Optional.of(Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body).build());
      }
    }
    return Optional.empty();
  }

  /** What the resources throw when they wrap an engine exception (start, complete, submit-form). */
  @Priority(PRIORITY)
  static final class Wrapped implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return CaseInputExceptionMappers.toResponse(exception);
    }
  }

  /** An engine exception a resource lets through. */
  @Priority(PRIORITY)
  static final class Unwrapped implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return CaseInputExceptionMappers.toResponse(exception);
    }
  }
}
