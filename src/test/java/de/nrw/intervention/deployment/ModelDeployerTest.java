package de.nrw.intervention.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith({ProcessEngineExtension.class, OutputCaptureExtension.class})
class ModelDeployerTest {

  ProcessEngine processEngine;
  private RepositoryService repositoryService;

  @TempDir
  Path root;

  private Path processes;
  private Path forms;
  private ModelDeployer deployer;

  @BeforeEach
  void copyFixtureModels() throws IOException, URISyntaxException {
    repositoryService = processEngine.getRepositoryService();
    Path fixture = Paths.get(getClass().getResource("/fixtures/models").toURI());
    processes = copy(fixture.resolve("processes"), root.resolve("processes"));
    forms = copy(fixture.resolve("forms"), root.resolve("forms"));
    ModelProperties properties = new ModelProperties(processes, forms, "test-models");
    deployer = new ModelDeployer(processEngine, new ModelFolderReader(properties), properties);
  }

  @AfterEach
  void removeDeployments() {
    repositoryService.createDeploymentQuery().list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void firstStart_deploysProcessesDecisionsAndFormsAsOneDeployment() {
    Deployment deployment = deployer.deploy().orElseThrow();

    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId())).containsExactlyInAnyOrder(
        "fixture-case.bpmn", "fixture-rating.dmn", "start-fixture-case.form", "review-fixture-case.form");
    assertThat(processVersion("fixture-case")).isEqualTo(1);
  }

  @Test
  void restartWithoutChanges_createsNoVersion() {
    deployer.deploy();

    assertThat(deployer.deploy()).isEmpty();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(1);
    assertThat(processVersion("fixture-case")).isEqualTo(1);
  }

  @Test
  void changedProcess_deploysNewVersionWithItsFormsAndDecisions() throws IOException {
    deployer.deploy();
    replace(processes.resolve("fixture-case.bpmn"), "name=\"Review case\"", "name=\"Review the case\"");

    Deployment second = deployer.deploy().orElseThrow();

    assertThat(processVersion("fixture-case")).isEqualTo(2);
    // binding="deployment": the new process version must find its forms and decision in its own deployment.
    assertThat(repositoryService.getDeploymentResourceNames(second.getId())).containsExactlyInAnyOrder(
        "fixture-case.bpmn", "fixture-rating.dmn", "start-fixture-case.form", "review-fixture-case.form");
  }

  @Test
  void changedForm_redeploysTheProcessThatUsesIt() throws IOException {
    deployer.deploy();
    replace(forms.resolve("review-fixture-case.form"), "Review note", "Reviewer's note");

    deployer.deploy().orElseThrow();

    assertThat(processVersion("fixture-case")).isEqualTo(2);
  }

  @Test
  void newUnreferencedDecision_deploysOnlyThatFile() throws IOException {
    deployer.deploy();
    Files.writeString(processes.resolve("other-rating.dmn"), Files.readString(processes.resolve("fixture-rating.dmn"))
        .replace("fixture-rating", "other-rating"));

    Deployment second = deployer.deploy().orElseThrow();

    assertThat(repositoryService.getDeploymentResourceNames(second.getId())).containsExactly("other-rating.dmn");
    assertThat(processVersion("fixture-case")).isEqualTo(1);
  }

  @Test
  void malformedBpmn_namesTheFile() throws IOException {
    replace(processes.resolve("fixture-case.bpmn"), "</bpmn:process>", "</bpmn:proces>");

    assertThatThrownBy(deployer::deploy)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("fixture-case.bpmn: is not a valid BPMN 2.0 file");
    assertThat(repositoryService.createDeploymentQuery().count()).isZero();
  }

  @Test
  void bpmnTheEngineRejects_namesTheFileAndElement() throws IOException {
    replace(processes.resolve("fixture-case.bpmn"), "${dateTime().plusDays(3).toDate()}", "${dateTime(");

    assertThatThrownBy(deployer::deploy)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("fixture-case.bpmn: rejected by the process engine")
        .hasMessageContaining("${dateTime(");
    assertThat(repositoryService.createDeploymentQuery().count()).isZero();
  }

  @Test
  void malformedDmn_namesTheFile() throws IOException {
    replace(processes.resolve("fixture-rating.dmn"), "</decisionTable>", "");

    assertThatThrownBy(deployer::deploy)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("fixture-rating.dmn: is not a valid DMN 1.3 file");
  }

  @Test
  void malformedForm_namesTheFileAndLine() throws IOException {
    replace(forms.resolve("review-fixture-case.form"), "\"components\": [", "\"components\": [[");

    assertThatThrownBy(deployer::deploy)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("review-fixture-case.form: is not valid JSON")
        .hasMessageContaining("line");
  }

  @Test
  void missingForm_namesTheProcessAndTheForm() throws IOException {
    Files.delete(forms.resolve("review-fixture-case.form"));

    assertThatThrownBy(deployer::deploy)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("fixture-case.bpmn: refers to form 'review-fixture-case'")
        .hasMessageContaining("no file in");
    assertThat(repositoryService.createDeploymentQuery().count()).isZero();
  }

  @Test
  void missingDecision_namesTheProcessAndTheDecision() throws IOException {
    Files.delete(processes.resolve("fixture-rating.dmn"));

    assertThatThrownBy(deployer::deploy)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("fixture-case.bpmn: refers to decision 'fixture-rating'");
  }

  @Test
  void missingFolder_namesTheFolderAndTheSetting() throws IOException {
    ModelProperties properties = new ModelProperties(root.resolve("nowhere"), forms, "test-models");
    ModelDeployer misconfigured = new ModelDeployer(processEngine, new ModelFolderReader(properties), properties);

    assertThatThrownBy(misconfigured::deploy)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("nowhere: folder not found")
        .hasMessageContaining("INTERVENTION_MODELS_PROCESSES_DIR");
  }

  @Test
  void restartAfterAModelerDeployment_deploysTheUnchangedFolderAgain_andTheLogNamesFileVersionAndDesigner(
      CapturedOutput output) throws IOException {
    deployer.deploy();
    modelerDeploy(Files.readString(processes.resolve("fixture-case.bpmn"))
        .replace("name=\"Review case\"", "name=\"Review the case (Modeler)\""));
    assertThat(processVersion("fixture-case")).isEqualTo(2);

    Deployment fromFolder = deployer.deploy().orElseThrow();

    // The folder is the source of truth: new cases run the file again, as version 3, with its forms and decision.
    assertThat(processVersion("fixture-case")).isEqualTo(3);
    assertThat(latestProcessDeploymentId("fixture-case")).isEqualTo(fromFolder.getId());
    assertThat(repositoryService.getDeploymentResourceNames(fromFolder.getId())).containsExactlyInAnyOrder(
        "fixture-case.bpmn", "fixture-rating.dmn", "start-fixture-case.form", "review-fixture-case.form");
    assertThat(deployedContent(fromFolder, "fixture-case.bpmn"))
        .isEqualTo(Files.readString(processes.resolve("fixture-case.bpmn")));
    assertThat(output.getOut())
        .contains("fixture-case.bpmn: the latest version of process 'fixture-case' is version 2")
        .contains("by designer from 'Camunda Modeler'")
        .contains("it differs from the file")
        .doesNotContain("Models unchanged");

    assertThat(deployer.deploy()).isEmpty();
    assertThat(output.getOut()).contains("Models unchanged");
  }

  @Test
  void restartAfterAModelerDeployment_withTheFolderChangedSince_deploysTheFolder(CapturedOutput output)
      throws IOException {
    deployer.deploy();
    modelerDeploy(Files.readString(processes.resolve("fixture-case.bpmn"))
        .replace("name=\"Review case\"", "name=\"Review the case (Modeler)\""));
    replace(processes.resolve("fixture-case.bpmn"), "name=\"Review case\"", "name=\"Review the case (folder)\"");

    Deployment fromFolder = deployer.deploy().orElseThrow();

    assertThat(processVersion("fixture-case")).isEqualTo(3);
    assertThat(deployedContent(fromFolder, "fixture-case.bpmn")).contains("Review the case (folder)");
    assertThat(output.getOut()).contains("the latest version of process 'fixture-case' is version 2");
  }

  /** The Modeler's deploy button with the diagram and its attached forms and decision, as user "designer". */
  private void modelerDeploy(String diagram) throws IOException {
    IdentityService identity = processEngine.getIdentityService();
    identity.setAuthenticatedUserId("designer");
    try {
      DeploymentBuilder builder = repositoryService.createDeployment().name("fixture-case").source("Camunda Modeler")
          .enableDuplicateFiltering(true).addString("fixture-case.bpmn", diagram);
      for (Path file : List.of(forms.resolve("start-fixture-case.form"), forms.resolve("review-fixture-case.form"),
          processes.resolve("fixture-rating.dmn"))) {
        builder.addString(file.getFileName().toString(), Files.readString(file));
      }
      builder.deploy();
    } finally {
      identity.clearAuthentication();
    }
  }

  private String latestProcessDeploymentId(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getDeploymentId();
  }

  private String deployedContent(Deployment deployment, String resource) throws IOException {
    try (var in = repositoryService.getResourceAsStream(deployment.getId(), resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private int processVersion(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String content = Files.readString(file);
    assertThat(content).contains(from);
    Files.writeString(file, content.replace(from, to));
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    return to;
  }
}
