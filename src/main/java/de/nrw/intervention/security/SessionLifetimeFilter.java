package de.nrw.intervention.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Idle sessions end after server.servlet.session.timeout; this ends every web-app session a fixed time after it
 * began, active or not, so a stolen or forgotten session cannot be kept alive forever. The web apps then show
 * their login page.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

  private final SecurityProperties properties;

  SessionLifetimeFilter(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null
        && System.currentTimeMillis() - session.getCreationTime() > properties.absoluteSessionTimeout().toMillis()) {
      session.invalidate();
    }
    chain.doFilter(request, response);
  }
}
