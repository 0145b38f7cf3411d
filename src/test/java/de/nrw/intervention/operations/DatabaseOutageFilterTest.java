package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** An outage met in a filter (the REST password check, the web apps' user check) answers 503, anything else is left. */
class DatabaseOutageFilterTest {

  private final DatabaseOutageFilter filter = new DatabaseOutageFilter();

  @Test
  void outageInALaterFilter_is503WithTheGermanMessage_noExceptionText() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain passwordCheck = (request, ignored) -> {
      throw new ProcessEngineException("ENGINE-03083 Exception while executing Database Operation",
          new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
              new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
    };

    filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), response, passwordCheck);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("DatabaseUnavailable", "Datenbank nicht erreichbar").doesNotContain("Hikari", "JDBC", "ENGINE-");
  }

  @Test
  void anyOtherFailure_isLeftToTheNextHandler() {
    FilterChain failing = (request, response) -> {
      throw new IllegalStateException("not a database outage");
    };

    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"),
        new MockHttpServletResponse(), failing)).isInstanceOf(IllegalStateException.class);
  }
}
