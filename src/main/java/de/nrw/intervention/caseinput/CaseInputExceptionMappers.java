package de.nrw.intervention.caseinput;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Mappers for the two exception types Camunda's REST applications map themselves ({@code RestExceptionHandler},
 * {@code ProcessEngineExceptionHandler}): Jersey takes the mapper of the nearest exception type, so ours must map
 * exactly those types, and among mappers of one type the lowest {@link Priority} wins (Camunda's have none, i.e.
 * {@link Priorities#USER}). What is not a caller's mistake goes to Camunda's handling unchanged.
 */
final class CaseInputExceptionMappers {

  static final int PRIORITY = Priorities.USER - 1000;

  private CaseInputExceptionMappers() {
  }

  static Response toResponse(Throwable exception) {
    return CaseInputError.of(exception).map(CaseInputError::toResponse)
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
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
