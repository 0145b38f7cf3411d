package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fail closed through the Modeler's door: a model with a user task but without the case start listener is refused
 * by {@code POST /engine-rest/deployment/create} with 400 naming file and element, and nothing is deployed. The
 * startup door is covered by {@code StartupFailureIT}.
 */
class FailClosedDeploymentIT extends SecurityIntegrationTest {

  private static final String FILE = "missing-case-listener.bpmn";
  private static final String PROCESS = "missing-case-listener";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  private Api api;
  private String model;

  @BeforeEach
  void client() throws IOException {
    api = new Api(port);
    model = Files.readString(Path.of("src/test/resources/fixtures/fail-closed", FILE));
  }

  @AfterEach
  void removeProbeDeployments() {
    repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).list()
        .forEach(definition -> repositoryService.deleteDeployment(definition.getDeploymentId(), true));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void modelWithoutCaseListener_isRefusedWith400NamingFileAndTask_andNothingIsDeployed() {
    long deployments = repositoryService.createDeploymentQuery().count();

    Api.Response refused = api.deploy("demo", FILE, model);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode answer = refused.json();
    assertThat(answer.get("type").asText()).isEqualTo("ParseException");
    assertThat(answer.get("message").asText())
        .contains("process '" + PROCESS + "' has user task 'Task_ReviewCase' but no start listener "
            + "${caseReferenceListener}")
        .contains("resource " + FILE);
    JsonNode error = answer.get("details").get(FILE).get("errors").get(0);
    assertThat(error.get("mainElementId").asText()).isEqualTo("Task_ReviewCase");
    assertThat(error.get("line").asInt()).isPositive();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count()).isZero();
  }

  @Test
  void sameModelWithCaseListener_deploys_andRefusesAnUnknownDistrictWith400() {
    // One file through REST: without its start form in the same deployment, so the start event loses its formRef.
    String fixed = model.replace(" camunda:formRef=\"start-fixture-case\" camunda:formRefBinding=\"deployment\"", "")
        .replace("camunda:historyTimeToLive=\"P180D\">", "camunda:historyTimeToLive=\"P180D\">"
        + "<bpmn:extensionElements><camunda:executionListener event=\"start\" "
        + "delegateExpression=\"${caseReferenceListener}\" /></bpmn:extensionElements>");

    // With the review form and the routing decision it binds to its own deployment (the Modeler's attached files).
    Api.Response deployed = api.deploy("demo", Map.of(FILE, fixed,
        "district-routing.dmn", read(Path.of("processes/district-routing.dmn")),
        "review-fixture-case.form", read(Path.of("src/test/resources/fixtures/models/forms/review-fixture-case.form"))));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

    Api.Response started = api.post("demo", "/engine-rest/process-definition/key/" + PROCESS + "/start",
        Map.of("variables", Map.of("caseReference", Cases.string("KOE-FAIL-CLOSED-1"),
            "district", Cases.string("atlantis"))));
    assertThat(started.status()).as(started.body()).isEqualTo(400);
    assertThat(started.body()).contains("district");
  }
}
