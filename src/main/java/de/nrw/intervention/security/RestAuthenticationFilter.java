package de.nrw.intervention.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
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
