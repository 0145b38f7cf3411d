package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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
}
