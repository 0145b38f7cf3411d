package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.util.unit.DataSize;

class SessionLifetimeFilterTest {

  private final SessionLifetimeFilter filter = new SessionLifetimeFilter(new SecurityProperties(
      DataSize.ofKilobytes(256), Duration.ofHours(8), 12,
      Duration.ofSeconds(55)));

  @Test
  void sessionOlderThanTheAbsoluteTimeout_isEnded_evenIfActive() throws Exception {
    MockHttpSession session = sessionStarted(Duration.ofHours(8).plusMinutes(1));

    filter.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void youngerSession_isKept() throws Exception {
    MockHttpSession session = sessionStarted(Duration.ofHours(7));

    filter.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

    assertThat(session.isInvalid()).isFalse();
  }

  private static MockHttpSession sessionStarted(Duration ago) {
    long created = System.currentTimeMillis() - ago.toMillis();
    return new MockHttpSession() {
      @Override
      public long getCreationTime() {
        return created;
      }
    };
  }

  private static MockHttpServletRequest request(MockHttpSession session) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task/count");
    request.setSession(session);
    return request;
  }
}
