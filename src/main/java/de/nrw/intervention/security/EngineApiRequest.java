package de.nrw.intervention.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.util.UriUtils;

/**
 * The engine's REST API is served twice: at /engine-rest for other systems, and under the web apps' path for
 * Tasklist and Cockpit (same resources, session login). Every guard in front of the engine must see both, so
 * they work on the path below either prefix: {@code task/42/variables}.
 */
record EngineApiRequest(String method, String path, HttpServletRequest request) {

  private static final String REST_PREFIX = "/engine-rest/";
  private static final Pattern WEBAPP_ENGINE_API = Pattern.compile("^/[^/]+/api/engine/engine/[^/]+/(.*)$");
  private static final Pattern PATH_PARAMETER = Pattern.compile(";[^/]*");
  private static final Pattern NAMED_ENGINE = Pattern.compile("^engine/[^/]+/(.*)$");

  static Optional<EngineApiRequest> of(HttpServletRequest request) {
    String uri = normalise(request.getRequestURI().substring(request.getContextPath().length()));
    if (uri.startsWith(REST_PREFIX)) {
      String path = uri.substring(REST_PREFIX.length());
      // /engine-rest/engine/default/... addresses the same resources as /engine-rest/...
      Matcher named = NAMED_ENGINE.matcher(path);
      return Optional.of(new EngineApiRequest(request.getMethod(), named.matches() ? named.group(1) : path, request));
    }
    Matcher webapp = WEBAPP_ENGINE_API.matcher(uri);
    if (webapp.matches()) {
      return Optional.of(new EngineApiRequest(request.getMethod(), webapp.group(1), request));
    }
    return Optional.empty();
  }

  /**
   * The path as the REST framework matches it: without path parameters ({@code task;x=y/count}), decoded
   * ({@code task/%63ount}), single slashes, no trailing slash. Guards matching the raw URI could be walked around.
   */
  static String normalise(String rawPath) {
    String withoutParameters = PATH_PARAMETER.matcher(rawPath).replaceAll("");
    String decoded = UriUtils.decode(withoutParameters, StandardCharsets.UTF_8);
    String single = decoded.replaceAll("/{2,}", "/");
    return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
  }

  boolean is(String httpMethod, String pathPattern) {
    return method.equalsIgnoreCase(httpMethod) && path.matches(pathPattern);
  }

  /** Who is calling: the REST filter's engine authentication, or the web apps' session login. */
  Optional<Caller> caller(IdentityService identityService, String engineName) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return Optional.of(new Caller(authentication.getUserId(),
          authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds()));
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    if (AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName)
        instanceof UserAuthentication user) {
      return Optional.of(new Caller(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds()));
    }
    return Optional.empty();
  }

  record Caller(String userId, List<String> groupIds) {
  }
}
