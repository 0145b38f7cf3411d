package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.intervention.testsupport.EngineRetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Modeler's deploy button, as the Modeler sends it: multipart with {@code deployment-name},
 * {@code deployment-source}, {@code enable-duplicate-filtering}, {@code deploy-changed-only} and the diagram, plus the
 * files the designer attaches. The diagram alone would break every new case (its start form and decisions are bound
 * to its own deployment), so it is refused with the missing files named; with its forms and decisions it deploys and
 * a case starts with its start form.
 */
class ModelerDeploymentIT extends SecurityIntegrationTest {

  private static final String PROCESS = "domestic-violence-intervention";
  private static final String FILE = PROCESS + ".bpmn";
  private static final String DEPLOYMENT_NAME = PROCESS; // the Modeler's default: the file name

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  private Api api;
  private String changedDiagram;

  @BeforeEach
  void designerChangesTheDiagram() throws IOException {
    api = new Api(port);
    changedDiagram = Files.readString(Path.of("processes", FILE))
        .replaceFirst("isExecutable=\"true\"", "isExecutable=\"true\" camunda:versionTag=\"modeler-it\"");
    assertThat(changedDiagram).contains("camunda:versionTag=\"modeler-it\"");
  }

  @AfterEach
  void removeModelerDeployments() throws InterruptedException {
    for (var deployment : repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).list()) {
      // The case started here has timers the job executor may be touching: try again after a conflict.
      EngineRetry.onConflict(() -> repositoryService.deleteDeployment(deployment.getId(), true));
    }
  }

  @Test
  void diagramAlone_isRefusedWith400NamingTheMissingFormsAndDecisions_andNothingIsDeployed() {
    ProcessDefinition before = latest();

    Api.Response refused = modelerDeploy(Map.of(FILE, changedDiagram));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode answer = refused.json();
    assertThat(answer.get("type").asText()).isEqualTo("ParseException");
    assertThat(answer.get("message").asText())
        .contains("Bereitstellung abgelehnt")
        .contains("forms/start-domestic-violence-intervention.form")
        .contains("processes/district-routing.dmn")
        .contains("processes/domestic-violence-deadlines.dmn")
        .contains("processes/domestic-violence-risk-level.dmn")
        .contains("Include additional files")
        .doesNotContain("Exception");
    assertThat(answer.get("details").get(FILE).get("errors").get(0).get("mainElementId").asText()).isNotBlank();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count()).isZero();
    assertThat(latest().getId()).isEqualTo(before.getId());
  }

  @Test
  void diagramWithItsFormsAndDecisions_deploys_andACaseStartsWithItsStartForm() {
    int before = latest().getVersion();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(FILE, changedDiagram);
    files.putAll(folder("forms", ".form"));
    files.putAll(folder("processes", ".dmn"));

    Api.Response deployed = modelerDeploy(files);

    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    ProcessDefinition modelerVersion = latest();
    assertThat(modelerVersion.getVersion()).isEqualTo(before + 1);
    assertThat(modelerVersion.getVersionTag()).isEqualTo("modeler-it");
    Api.Response startForm = api.get("officer", "/engine-rest/process-definition/" + modelerVersion.getId()
        + "/deployed-start-form");
    assertThat(startForm.status()).as(startForm.body()).isEqualTo(200);
    assertThat(startForm.body()).contains("caseReference");

    String instance = Cases.start(api, "officer", PROCESS, Cases.domesticViolence("KOE-MODELER-2026-1", "koeln"));

    Api.Response started = api.get("demo", "/engine-rest/process-instance/" + instance);
    assertThat(started.json().get("definitionId").asText()).isEqualTo(modelerVersion.getId());
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion().singleResult();
  }

  /** What Camunda Modeler 5 posts: its four form fields, then one part per file. */
  private Api.Response modelerDeploy(Map<String, String> files) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", DEPLOYMENT_NAME);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    fields.put("deploy-changed-only", "true");
    return api.deploy("demo", fields, files);
  }

  private static Map<String, String> folder(String dir, String extension) {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.list(Path.of(dir))) {
      for (Path path : paths.filter(p -> p.toString().endsWith(extension)).sorted().toList()) {
        files.put(path.getFileName().toString(), Files.readString(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
