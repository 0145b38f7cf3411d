package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
// Same context as OperationsMetricsIT (started once for both).
@AutoConfigureObservability(tracing = false)
class OperationsHealthIT {

  @Autowired TestRestTemplate rest;
  @Autowired HealthEndpoint healthEndpoint;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired MeterRegistry registry;
  @Autowired DataSource dataSource;

  @Test
  void readiness_checksDatabaseEngineAndJobExecutor_notTheMailServer() {
    CompositeHealth readiness = (CompositeHealth) healthEndpoint.healthForPath("readiness");

    assertThat(readiness.getComponents()).containsOnlyKeys("readinessState", "db", "processEngine", "jobExecutor");
    assertThat(readiness.getStatus()).isEqualTo(Status.UP);
    assertThat(healthEndpoint.healthForPath("mail")).as("mail health stays visible to admins").isNotNull();
  }

  @Test
  void stoppedJobExecutor_takesReadinessDown_livenessStaysUp() {
    JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
    assertThat(get("/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(readinessGauge()).isEqualTo(1);

    jobExecutor.shutdown();
    try {
      ResponseEntity<String> readiness = get("/actuator/health/readiness");
      assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(readiness.getBody()).contains("\"DOWN\"");
      assertThat(get("/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(readinessGauge()).as("intervention_health_readiness for alerting").isZero();
    } finally {
      jobExecutor.start();
    }

    assertThat(get("/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anonymousHealth_showsStatusOnly() {
    ResponseEntity<String> health = get("/actuator/health");

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"UP\"").doesNotContain("jobExecutor", "processEngine", "mail");
  }

  private double readinessGauge() {
    return registry.get(OperationsConfiguration.READINESS).gauge().value();
  }

  private ResponseEntity<String> get(String path) {
    return rest.getForEntity(path, String.class);
  }

  /**
   * A failed batch (how the engine writes) and a failed statement on PostgreSQL: the driver's messages, which the
   * engine logs with its stack traces, name neither the statement's values nor the server's detail with the
   * duplicate value (logServerErrorDetail=false in application.yaml). H2 quotes no values in the first place.
   */
  @Test
  void driverMessagesOfFailedStatements_quoteNoCaseData() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
      Assumptions.assumeTrue(connection.getMetaData().getURL().startsWith("jdbc:postgresql:"), "PostgreSQL only");
      ddl.execute("CREATE TEMPORARY TABLE PRIVACY_PROBE (NAME_ VARCHAR(64) PRIMARY KEY)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PRIVACY_PROBE (NAME_) VALUES (?)")) {
        insert.setString(1, "Erika Mustermann");
        insert.addBatch();
        insert.setString(1, "Erika Mustermann");
        insert.addBatch();
        BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, insert::executeBatch);
        assertThat(messages(failure)).isNotEmpty().noneMatch(message -> message.contains("Erika"));
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PRIVACY_PROBE (NAME_) VALUES (?)")) {
        insert.setString(1, "Erika Mustermann");
        insert.executeUpdate(); // the failed batch left nothing behind
        SQLException failure = catchThrowableOfType(SQLException.class, insert::executeUpdate);
        assertThat(failure.getSQLState()).isEqualTo("23505");
        assertThat(messages(failure)).noneMatch(message -> message.contains("Erika"));
      }
    }
  }

  private static List<String> messages(SQLException failure) {
    List<String> messages = new ArrayList<>();
    for (SQLException e = failure; e != null; e = e.getNextException()) {
      messages.add(e.getMessage());
      if (e.getCause() != null) {
        messages.add(e.getCause().getMessage());
      }
    }
    return messages;
  }
}
