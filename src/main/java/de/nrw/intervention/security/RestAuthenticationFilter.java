package de.nrw.intervention.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's authentication filter for /engine-rest with two changes that leave its checks as they are: our
 * provider instance (the filter would create one from a class name, without settings), and the addressed engine
 * kept once found (Camunda's lookup scans the jar with a ServiceLoader on every call; an engine never changes).
 */
class RestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final AuthenticationProvider provider;
  private final Map<String, ProcessEngine> engines = new ConcurrentHashMap<>();

  RestAuthenticationFilter(AuthenticationProvider provider) {
    this.provider = provider;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    authenticationProvider = provider;
  }

  /** A directory outage while checking the caller answers 503 with a message, never a 500 or a stack trace. */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      super.doFilter(request, response, chain);
    } catch (DirectoryUnavailable unavailable) {
      HttpServletResponse http = (HttpServletResponse) response;
      if (!http.isCommitted()) {
        http.setHeader("Retry-After", DirectoryUnavailable.RETRY_AFTER_SECONDS);
        JsonErrors.send(http, DirectoryUnavailable.STATUS, DirectoryUnavailable.TYPE, DirectoryUnavailable.MESSAGE, null);
      }
    }
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    ProcessEngine engine = engines.get(engineName);
    if (engine == null) {
      engine = super.getAddressedEngine(engineName);
      if (engine != null) {
        // Only engines that exist: the name comes from the URL.
        engines.put(engineName, engine);
      }
    }
    return engine;
  }
}
