package de.nrw.intervention.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web apps check a session's user against the identity service again once their login cache expires, in a
 * servlet filter of their own; with the directory down that check throws. This answers such a request with 503 and
 * a message (see {@link DirectoryUnavailable}) instead of a 500.
 */
class DirectoryOutageFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      IdentityProviderException unreachable = cause(failure);
      if (unreachable == null || response.isCommitted()) {
        throw failure;
      }
      DirectoryUnavailable.log(unreachable);
      response.setHeader("Retry-After", DirectoryUnavailable.RETRY_AFTER_SECONDS);
      JsonErrors.send(response, DirectoryUnavailable.STATUS, DirectoryUnavailable.TYPE, DirectoryUnavailable.MESSAGE,
          null);
    }
  }

  static IdentityProviderException cause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IdentityProviderException unreachable) {
        return unreachable;
      }
    }
    return null;
  }
}
