package de.nrw.intervention.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys processes/ and forms/ at startup so that a restart without changes creates no new version and
 * a changed file creates a new version of what changed (with the forms and decisions it binds to).
 *
 * <p>The comparison with what is deployed runs outside the engine's deployment lock; the deployment itself
 * keeps the engine's duplicate filter on, so a second node starting at the same moment deploys nothing.
 */
class ModelDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final ProcessEngine processEngine;
  private final RepositoryService repositoryService;
  private final ModelFolderReader reader;
  private final ModelProperties properties;

  ModelDeployer(ProcessEngine processEngine, ModelFolderReader reader, ModelProperties properties) {
    this.processEngine = processEngine;
    this.repositoryService = processEngine.getRepositoryService();
    this.reader = reader;
    this.properties = properties;
  }

  /** Returns the new deployment, or empty when everything was deployed already. */
  Optional<Deployment> deploy() {
    ModelSet models = reader.read();
    Map<String, byte[]> deployed = latestDeployedResources(models);
    Set<ModelFile> changed = models.files().stream()
        .filter(file -> !Arrays.equals(file.content(), deployed.get(file.resourceName())))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<ModelFile> superseded = supersededElsewhere(models);
    if (changed.isEmpty() && superseded.isEmpty()) {
      LOG.info("Models unchanged: {} files in {} and {} already deployed, and each process and decision runs in the "
          + "version from these folders", models.files().size(), properties.processesDir(), properties.formsDir());
      return Optional.empty();
    }
    Set<ModelFile> toDeploy = new LinkedHashSet<>(changed);
    toDeploy.addAll(superseded);
    toDeploy = models.withDependencies(toDeploy);
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(properties.deploymentName())
        .source("model folders");
    if (superseded.isEmpty()) {
      // The engine's duplicate filter (changed or not, all files go in): a node starting at the same moment as
      // another deploys nothing. Over a version from elsewhere the files equal our last deployment, so the filter
      // would skip exactly the deployment that is needed; two nodes may then both deploy, which only adds a version.
      builder.enableDuplicateFiltering(false);
    }
    toDeploy.forEach(file -> builder.addInputStream(file.resourceName(), new ByteArrayInputStream(file.content())));
    Deployment deployment = deployWithFileNames(builder, models, toDeploy);
    if (deployment != null && deployment.getId() != null) {
      LOG.info("Deployed {} (changed: {}; deployed again over a version from elsewhere: {}; deployed with their "
          + "dependencies: {})", deployment.getId(), names(changed), names(superseded), names(toDeploy));
    }
    return Optional.ofNullable(deployment);
  }

  /**
   * The folder is the source of truth (docs/MODELLING.md, "Deploying from Camunda Modeler"): a process or decision
   * whose latest version came from another deployment (the Modeler's deploy button, a REST client) is deployed again
   * from its file, so that new cases run what the folder holds. Cases already running keep their version.
   */
  private Set<ModelFile> supersededElsewhere(ModelSet models) {
    Set<ModelFile> superseded = new LinkedHashSet<>();
    for (ModelFile file : models.files()) {
      for (Definition latest : latestDefinitions(file)) {
        Deployment from = repositoryService.createDeploymentQuery().deploymentId(latest.deploymentId()).singleResult();
        if (from == null || properties.deploymentName().equals(from.getName())) {
          continue;
        }
        boolean sameContent = Arrays.equals(file.content(), read(from.getId(), latest.resourceName()));
        LOG.warn("{}: the latest version of {} '{}' is version {}, deployed {} by {} from '{}' (deployment '{}', id {}),"
            + " not from this folder, and {}; deploying the file as the next version, because the folder is the source"
            + " of truth (docs/MODELLING.md, \"Deploying from Camunda Modeler\"); cases already running keep their"
            + " version", file.path(), latest.kind(), latest.key(), latest.version(), from.getDeploymentTime()
            .toInstant(), deployedBy(from.getId()), from.getSource(), from.getName(), from.getId(),
            sameContent ? "its content equals the file (its forms and decisions may not)" : "it differs from the file");
        superseded.add(file);
      }
    }
    return superseded;
  }

  private record Definition(String kind, String key, int version, String deploymentId, String resourceName) {
  }

  private List<Definition> latestDefinitions(ModelFile file) {
    return switch (file.kind()) {
      case BPMN -> ModelIds.processIdsOrNone(file.content()).stream()
          .map(key -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
              .withoutTenantId().singleResult())
          .filter(Objects::nonNull)
          .map(definition -> new Definition("process", definition.getKey(), definition.getVersion(),
              definition.getDeploymentId(), definition.getResourceName()))
          .toList();
      case DMN -> ModelIds.decisionIds(file.content()).stream()
          .map(key -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
              .withoutTenantId().singleResult())
          .filter(Objects::nonNull)
          .map(definition -> new Definition("decision", definition.getKey(), definition.getVersion(),
              definition.getDeploymentId(), definition.getResourceName()))
          .toList();
      case FORM -> List.of(); // bound per deployment only; checked with the processes that use them
    };
  }

  /** Who deployed it, from the operation log (empty when the deployment was made without an authenticated user). */
  private String deployedBy(String deploymentId) {
    return processEngine.getHistoryService().createUserOperationLogQuery()
        .deploymentId(deploymentId).entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
        .list().stream().map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
        .orElse("an unknown user");
  }

  private Deployment deployWithFileNames(DeploymentBuilder builder, ModelSet models, Set<ModelFile> toDeploy) {
    try {
      return builder.deployWithResult();
    } catch (ParseException e) {
      throw withFileName(e, models);
    } catch (ProcessEngineException e) {
      // Some parse errors (e.g. a broken expression) arrive without the resource; find the file by parsing each.
      toDeploy.stream().filter(file -> file.kind() == ModelFile.Kind.BPMN).forEach(this::parseAlone);
      throw e;
    }
  }

  private void parseAlone(ModelFile file) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    try {
      configuration.getCommandExecutorTxRequired().execute(commandContext -> {
        BpmnDeployer bpmnDeployer = configuration.getDeployers().stream()
            .filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast).findFirst().orElseThrow();
        bpmnDeployer.getBpmnParser().createParse()
            .sourceInputStream(new ByteArrayInputStream(file.content()))
            .deployment(new DeploymentEntity())
            .name(file.resourceName())
            .execute();
        return null;
      });
    } catch (ProcessEngineException e) {
      throw new InvalidModelException(file.path(), "rejected by the process engine: " + e.getMessage(), e);
    }
  }

  private static RuntimeException withFileName(ParseException e, ModelSet models) {
    ResourceReport report = e.getResorceReports().stream().filter(r -> !r.getErrors().isEmpty()).findFirst()
        .orElse(null);
    ModelFile file = report == null ? null : models.files().stream()
        .filter(f -> f.resourceName().equals(report.getResourceName())).findFirst().orElse(null);
    if (file == null) {
      return e;
    }
    String problems = report.getErrors().stream()
        .map(problem -> (problem.getMainElementId() != null ? "element '" + problem.getMainElementId() + "': " : "")
            + problem.getMessage())
        .collect(Collectors.joining("; "));
    return new InvalidModelException(file.path(), "rejected by the process engine: " + problems, e);
  }

  /** Newest deployed content per resource name among our earlier deployments. */
  private Map<String, byte[]> latestDeployedResources(ModelSet models) {
    Set<String> wanted = models.files().stream().map(ModelFile::resourceName).collect(Collectors.toSet());
    Map<String, byte[]> latest = new HashMap<>();
    List<Deployment> deployments = repositoryService.createDeploymentQuery()
        .deploymentName(properties.deploymentName())
        .orderByDeploymentTime().desc()
        .list();
    for (Deployment deployment : deployments) {
      for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
        if (wanted.contains(name) && !latest.containsKey(name)) {
          latest.put(name, read(deployment.getId(), name));
        }
      }
      if (latest.size() == wanted.size()) {
        break;
      }
    }
    return latest;
  }

  private byte[] read(String deploymentId, String resourceName) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String names(Set<ModelFile> files) {
    return files.stream().map(ModelFile::resourceName).collect(Collectors.joining(", "));
  }
}
