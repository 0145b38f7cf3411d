package de.nrw.intervention.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost on the APIs, the web apps and the actuator: a database outage met outside a JAX-RS resource (the REST
 * API's password check, the web apps' user check in their own filters) becomes a 503 with a message instead of a 500
 * error page. Inside the resources {@link DatabaseOutageMappers} and the engine-exception mappers answer the same.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      Optional<String> outage = response.isCommitted() ? Optional.empty() : DatabaseUnavailable.reason(failure);
      if (outage.isEmpty()) {
        throw failure;
      }
      DatabaseUnavailable.log(outage.get());
      byte[] body = JSON.writeValueAsBytes(Map.of("type", DatabaseUnavailable.TYPE, "message", DatabaseUnavailable.MESSAGE));
      response.resetBuffer();
      response.setStatus(DatabaseUnavailable.STATUS);
      response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
    }
  }
}
