package de.nrw.intervention.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;

/**
 * Inside the web apps' and the engine's Jersey applications (the web-app login checks the password there, and any
 * call may look up users or groups): the directory is down, 503 with a message, not Camunda's 500.
 */
@Priority(Priorities.USER - 1000)
final class DirectoryOutageMapper implements ExceptionMapper<IdentityProviderException> {

  @Override
  public Response toResponse(IdentityProviderException exception) {
    DirectoryUnavailable.log(exception);
    return Response.status(DirectoryUnavailable.STATUS)
        .header("Retry-After", DirectoryUnavailable.RETRY_AFTER_SECONDS)
        .header("Cache-Control", "no-store")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", DirectoryUnavailable.TYPE, "message", DirectoryUnavailable.MESSAGE))
        .build();
  }
}
