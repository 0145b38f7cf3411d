package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.mock.web.MockHttpServletRequest;

/** The REST login cache against a real engine: what it remembers, for how long, and what it never remembers. */
@ExtendWith(ProcessEngineExtension.class)
class CachedBasicAuthenticationSecurityTest {

  private static final Duration TTL = Duration.ofSeconds(55);
  private static final String USER = "cacheTestUser";
  private static final String PASSWORD = "first-password-2026";

  ProcessEngine engine;
  private IdentityService identity;
  private final AtomicLong now = new AtomicLong(1_000);
  private CachedBasicAuthenticationProvider provider;

  @BeforeEach
  void userInOneGroup() {
    identity = engine.getIdentityService();
    User user = identity.newUser(USER);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.saveGroup(identity.newGroup("cacheTestGroupA"));
    identity.saveGroup(identity.newGroup("cacheTestGroupB"));
    identity.createMembership(USER, "cacheTestGroupA");
    provider = new CachedBasicAuthenticationProvider(TTL, now::get);
  }

  @AfterEach
  void removeUser() {
    identity.deleteUser(USER);
    identity.deleteGroup("cacheTestGroupA");
    identity.deleteGroup("cacheTestGroupB");
  }

  @Test
  void success_carriesGroupsAndTenants_soTheFilterNeedNotQueryThem() {
    AuthenticationResult result = authenticate(USER, PASSWORD);

    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getAuthenticatedUser()).isEqualTo(USER);
    assertThat(result.getGroups()).containsExactly("cacheTestGroupA");
    assertThat(result.getTenants()).isEmpty();
  }

  @Test
  void changedPasswordAndGroups_takeEffectAfterTheCacheTime() {
    assertThat(authenticate(USER, PASSWORD).isAuthenticated()).isTrue();
    changePassword("second-password-2026");
    identity.deleteMembership(USER, "cacheTestGroupA");
    identity.createMembership(USER, "cacheTestGroupB");

    now.addAndGet(TTL.toNanos() - 1);
    AuthenticationResult stillCached = authenticate(USER, PASSWORD);
    now.addAndGet(1);
    AuthenticationResult afterTtl = authenticate(USER, PASSWORD);

    assertThat(stillCached.isAuthenticated()).as("within the cache time, as in the web apps").isTrue();
    assertThat(stillCached.getGroups()).containsExactly("cacheTestGroupA");
    assertThat(afterTtl.isAuthenticated()).as("old password after the cache time").isFalse();
  }

  @Test
  void newPassword_isCheckedAtOnce_andBringsTheNewGroups() {
    assertThat(authenticate(USER, PASSWORD).isAuthenticated()).isTrue();
    changePassword("second-password-2026");
    identity.createMembership(USER, "cacheTestGroupB");

    AuthenticationResult result = authenticate(USER, "second-password-2026");

    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getGroups()).containsExactlyInAnyOrder("cacheTestGroupA", "cacheTestGroupB");
  }

  @Test
  void removedUser_isRefusedAfterTheCacheTime() {
    assertThat(authenticate(USER, PASSWORD).isAuthenticated()).isTrue();
    identity.deleteUser(USER);

    now.addAndGet(TTL.toNanos());

    assertThat(authenticate(USER, PASSWORD).isAuthenticated()).isFalse();
  }

  @Test
  void wrongPassword_isNeverCached_andAlwaysReachesTheEngineThrottling() {
    assertThat(authenticate(USER, PASSWORD).isAuthenticated()).as("a cached success for this user").isTrue();

    AuthenticationResult wrong = authenticate(USER, "not-the-password");

    assertThat(wrong.isAuthenticated()).isFalse();
    assertThat(((UserEntity) identity.createUserQuery().userId(USER).singleResult()).getAttempts())
        .as("the engine counted the failed attempt").isEqualTo(1);
    assertThat(authenticate(USER, "not-the-password").isAuthenticated()).isFalse();
  }

  @Test
  void zeroCacheTime_checksEveryCall() {
    provider = new CachedBasicAuthenticationProvider(Duration.ZERO, now::get);
    assertThat(authenticate(USER, PASSWORD).isAuthenticated()).isTrue();
    identity.deleteUser(USER);

    assertThat(authenticate(USER, PASSWORD).isAuthenticated()).isFalse();
  }

  @Test
  void missingOrOtherSchemes_areRefused() {
    assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), engine).isAuthenticated()).isFalse();
    MockHttpServletRequest bearer = new MockHttpServletRequest();
    bearer.addHeader("Authorization", "Bearer abc");
    assertThat(provider.extractAuthenticatedUser(bearer, engine).isAuthenticated()).isFalse();
  }

  private void changePassword(String password) {
    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }

  private AuthenticationResult authenticate(String user, String password) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.addHeader("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return provider.extractAuthenticatedUser(request, engine);
  }
}
