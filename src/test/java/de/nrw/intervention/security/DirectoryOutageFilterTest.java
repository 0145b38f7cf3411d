package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import javax.naming.CommunicationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A directory outage escaping the web apps' own filters becomes 503 with a message; anything else passes. */
class DirectoryOutageFilterTest {

  private final DirectoryOutageFilter filter = new DirectoryOutageFilter();

  @Test
  void outageWrappedInAServletException_answers503WithTheMessage() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain failing = (request, ignored) -> {
      throw new ServletException(new IdentityProviderException("Could not connect to LDAP server",
          new CommunicationException("ldap.example:636")));
    };

    filter.doFilter(new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task/count"), response, failing);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"type\":\"DirectoryUnavailable\"", "Verzeichnisdienst ist nicht erreichbar")
        .doesNotContain("ldap.example", "CommunicationException");
  }

  @Test
  void otherFailures_areNotTurnedInto503() {
    FilterChain failing = (request, ignored) -> {
      throw new ProcessEngineException("something else");
    };

    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing))
        .isInstanceOf(ProcessEngineException.class);
  }
}
