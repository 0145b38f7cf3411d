package de.nrw.intervention.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic against the engine, remembering a <em>successful</em> check for a short time. Without it every REST
 * call costs three transactions before any work: the password check, the user's groups, the user's tenants.
 * Tasklist-like clients send a dozen calls per task, with the same header each time.
 *
 * <p>Same semantics as the web apps' authentication cache ({@code camunda.bpm.webapp.auth.cache}): a user removed,
 * locked, moved to other groups or given a new password keeps the old rights for at most the cache time. Only
 * successes are remembered, keyed by a SHA-256 hash of the engine name and the whole header (the password itself is
 * never kept): a wrong password never matches an entry, so it always reaches the engine and its login throttling.
 */
class CachedBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  /** Enough for every account of a large agency; beyond it expired entries go, and if none has, all go. */
  static final int MAX_ENTRIES = 10_000;

  private final long timeToLiveNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Entry> successes = new ConcurrentHashMap<>();

  private record Entry(String userId, List<String> groupIds, List<String> tenantIds, long expiresAt) {
  }

  CachedBasicAuthenticationProvider(Duration timeToLive, LongSupplier nanoClock) {
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoClock = nanoClock;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    if (timeToLiveNanos <= 0 || header == null || !header.startsWith("Basic ")) {
      return lookUp(request, engine);
    }
    String key = key(engine.getName(), header);
    long now = nanoClock.getAsLong();
    Entry cached = successes.get(key);
    if (cached != null && now - cached.expiresAt() < 0) {
      return result(cached.userId(), cached.groupIds(), cached.tenantIds());
    }
    successes.remove(key);
    AuthenticationResult checked = lookUp(request, engine);
    if (checked.isAuthenticated()) {
      makeRoom(now);
      successes.put(key, new Entry(checked.getAuthenticatedUser(), checked.getGroups(), checked.getTenants(),
          now + timeToLiveNanos));
    }
    return checked;
  }

  /**
   * The engine's own check, then the groups and tenants the filter would otherwise query on every call. An identity
   * provider that cannot answer (the directory is down) is not a wrong password: {@link DirectoryUnavailable}.
   */
  private AuthenticationResult lookUp(HttpServletRequest request, ProcessEngine engine) {
    try {
      return checkAndLoad(request, engine);
    } catch (IdentityProviderException unreachable) {
      DirectoryUnavailable.log(unreachable);
      throw new DirectoryUnavailable(unreachable);
    }
  }

  private AuthenticationResult checkAndLoad(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult checked = super.extractAuthenticatedUser(request, engine);
    if (!checked.isAuthenticated()) {
      return checked;
    }
    String userId = checked.getAuthenticatedUser();
    List<String> groupIds = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenantIds = engine.getIdentityService().createTenantQuery().userMember(userId)
        .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    return result(userId, groupIds, tenantIds);
  }

  private static AuthenticationResult result(String userId, List<String> groupIds, List<String> tenantIds) {
    AuthenticationResult result = AuthenticationResult.successful(userId);
    // Copies: the engine keeps these lists in the thread's authentication.
    result.setGroups(new ArrayList<>(groupIds));
    result.setTenants(new ArrayList<>(tenantIds));
    return result;
  }

  private void makeRoom(long now) {
    if (successes.size() >= MAX_ENTRIES) {
      successes.values().removeIf(entry -> now - entry.expiresAt() >= 0);
      if (successes.size() >= MAX_ENTRIES) {
        successes.clear();
      }
    }
  }

  private static String key(String engineName, String header) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest((engineName + '\n' + header).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException cannotHappen) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", cannotHappen);
    }
  }
}
