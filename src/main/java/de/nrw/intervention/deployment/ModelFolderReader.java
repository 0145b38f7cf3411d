package de.nrw.intervention.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Reads processes/ and forms/ and checks what the engine would only notice on a live case: that
 * every file parses and every form and decision a process refers to exists.
 */
class ModelFolderReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelProperties properties;

  ModelFolderReader(ModelProperties properties) {
    this.properties = properties;
  }

  ModelSet read() {
    List<ModelFile> files = new ArrayList<>();
    files.addAll(list(properties.processesDir(), "INTERVENTION_MODELS_PROCESSES_DIR", ".bpmn", ".dmn"));
    files.addAll(list(properties.formsDir(), "INTERVENTION_MODELS_FORMS_DIR", ".form"));

    Map<String, ModelFile> formsById = new HashMap<>();
    Map<String, ModelFile> decisionsById = new HashMap<>();
    Map<ModelFile, Set<String>> formRefs = new HashMap<>();
    Map<ModelFile, Set<String>> decisionRefs = new HashMap<>();
    Map<String, ModelFile> processesById = new HashMap<>();
    Map<ModelFile, Set<String>> callRefs = new HashMap<>();
    for (ModelFile file : files) {
      switch (file.kind()) {
        case FORM -> register(formsById, formId(file), file, "form id");
        case DMN -> readDecisionIds(file).forEach(id -> register(decisionsById, id, file, "decision id"));
        case BPMN -> {
          BpmnModelInstance model = parseBpmn(file);
          formRefs.put(file, formRefs(model));
          decisionRefs.put(file, decisionRefs(model));
          callRefs.put(file, callRefs(model));
          model.getModelElementsByType(Process.class)
              .forEach(process -> register(processesById, process.getId(), file, "process id"));
        }
      }
    }
    formRefs.forEach((bpmn, refs) -> refs.stream().filter(ref -> !formsById.containsKey(ref)).findFirst()
        .ifPresent(ref -> {
          throw new InvalidModelException(bpmn.path(), "refers to form '" + ref + "' (camunda:formRef), but no file in "
              + properties.formsDir() + " has that id; forms there: " + new TreeSet<>(formsById.keySet()));
        }));
    decisionRefs.forEach((bpmn, refs) -> refs.stream().filter(ref -> !decisionsById.containsKey(ref)).findFirst()
        .ifPresent(ref -> {
          throw new InvalidModelException(bpmn.path(), "refers to decision '" + ref
              + "' (camunda:decisionRef), but no .dmn file in " + properties.processesDir() + " defines it");
        }));
    callRefs.forEach((bpmn, refs) -> refs.stream().filter(ref -> !processesById.containsKey(ref)).findFirst()
        .ifPresent(ref -> {
          throw new InvalidModelException(bpmn.path(), "calls process '" + ref + "' (calledElement, binding deployment),"
              + " but no .bpmn file in " + properties.processesDir() + " defines it");
        }));
    return new ModelSet(files, formsById, decisionsById, processesById, formRefs, decisionRefs, callRefs);
  }

  private static void register(Map<String, ModelFile> index, String id, ModelFile file, String what) {
    ModelFile other = index.putIfAbsent(id, file);
    if (other != null) {
      throw new InvalidModelException(file.path(), what + " '" + id + "' is already used by " + other.path());
    }
  }

  private static List<ModelFile> list(Path dir, String envVar, String... extensions) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidModelException(dir.toAbsolutePath(),
          "folder not found. Start the app from the project root or set " + envVar + " to the folder's path");
    }
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(Files::isRegularFile)
          .filter(path -> Stream.of(extensions).anyMatch(ext -> path.getFileName().toString().endsWith(ext)))
          .sorted(Comparator.comparing(Path::getFileName))
          .map(ModelFolderReader::load)
          .toList();
    } catch (IOException e) {
      throw new InvalidModelException(dir, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static ModelFile load(Path path) {
    try {
      return new ModelFile(path, path.getFileName().toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new InvalidModelException(path, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static BpmnModelInstance parseBpmn(ModelFile file) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (RuntimeException e) {
      throw new InvalidModelException(file.path(), "is not a valid BPMN 2.0 file: " + rootMessage(e), e);
    }
  }

  private static List<String> readDecisionIds(ModelFile file) {
    try {
      return ModelIds.decisionIds(file.content());
    } catch (RuntimeException e) {
      throw new InvalidModelException(file.path(), "is not a valid DMN 1.3 file: " + rootMessage(e), e);
    }
  }

  private static String formId(ModelFile file) {
    JsonNode form;
    try {
      form = JSON.readTree(file.content());
    } catch (JsonProcessingException e) {
      throw new InvalidModelException(file.path(), "is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")", e);
    } catch (IOException e) {
      throw new InvalidModelException(file.path(), "cannot be read: " + e.getMessage(), e);
    }
    if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      throw new InvalidModelException(file.path(), "is not a Camunda Form: the top-level \"id\" is missing");
    }
    if (!form.path("components").isArray()) {
      throw new InvalidModelException(file.path(), "is not a Camunda Form: the \"components\" list is missing");
    }
    return form.path("id").asText();
  }

  private static Set<String> formRefs(BpmnModelInstance model) {
    Set<String> refs = new HashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> addStatic(refs, task.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(start -> addStatic(refs, start.getCamundaFormRef()));
    return refs;
  }

  private static Set<String> decisionRefs(BpmnModelInstance model) {
    Set<String> refs = new HashSet<>();
    model.getModelElementsByType(BusinessRuleTask.class).forEach(task -> addStatic(refs, task.getCamundaDecisionRef()));
    return refs;
  }

  /** Called processes bound to the caller's deployment; other bindings resolve at runtime. */
  private static Set<String> callRefs(BpmnModelInstance model) {
    Set<String> refs = new HashSet<>();
    model.getModelElementsByType(CallActivity.class).stream()
        .filter(call -> "deployment".equals(call.getCamundaCalledElementBinding()))
        .forEach(call -> addStatic(refs, call.getCalledElement()));
    return refs;
  }

  /** References computed at runtime ({@code ${...}}) cannot be checked before a case runs. */
  private static void addStatic(Set<String> refs, String ref) {
    if (ref != null && !ref.isBlank() && !ref.contains("${") && !ref.contains("#{")) {
      refs.add(ref);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : e.getMessage();
  }
}
