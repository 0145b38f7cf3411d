package de.nrw.intervention.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only liveness and readiness are public (a load balancer needs them, they show no details); every other
 * actuator endpoint (metrics, info, and whatever an operator exposes later) needs an administrator, checked with
 * HTTP Basic against the engine's identity service, with its login throttling.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

  private static final Set<String> PUBLIC = Set.of("/actuator/health", "/actuator/health/liveness",
      "/actuator/health/readiness");

  private final Supplier<ProcessEngine> engine;

  ActuatorAccessFilter(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = EngineApiRequest.normalise(request.getRequestURI().substring(request.getContextPath().length()));
    if (PUBLIC.contains(path)) {
      chain.doFilter(request, response);
      return;
    }
    String user = authenticatedUser(request.getHeader("Authorization"));
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"actuator\"");
      JsonErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          "Administrator login required", null);
      return;
    }
    if (!isAdministrator(user)) {
      JsonErrors.send(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Administrators only", null);
      return;
    }
    chain.doFilter(request, response);
  }

  /** camunda-admin, or the directory's administrator group (profile ldap), as the engine knows them. */
  private boolean isAdministrator(String user) {
    List<String> adminGroups = ((ProcessEngineConfigurationImpl) engine.get().getProcessEngineConfiguration())
        .getAdminGroups();
    return engine.get().getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .anyMatch(group -> adminGroups.contains(group.getId()));
  }

  private String authenticatedUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return engine.get().getIdentityService().checkPassword(user, decoded.substring(colon + 1)) ? user : null;
  }
}
