package de.nrw.intervention.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Which file of processes/ or forms/ defines a form, decision or process id, so that a refusal can say which file the
 * designer must attach. Read when asked (the folders can change while the app runs); a file that does not parse gives
 * no hint, the refusal then names the id alone.
 */
class FolderHints {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelProperties properties;

  FolderHints(ModelProperties properties) {
    this.properties = properties;
  }

  String formFile(String formId) {
    return find(properties.formsDir(), ".form", bytes -> {
      JsonNode form = JSON.readTree(bytes);
      return form != null && formId.equals(form.path("id").asText(null));
    });
  }

  String decisionFile(String decisionId) {
    return find(properties.processesDir(), ".dmn", bytes -> Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
        .getModelElementsByType(Decision.class).stream().anyMatch(decision -> decisionId.equals(decision.getId())));
  }

  String processFile(String processId) {
    return find(properties.processesDir(), ".bpmn", bytes -> processIds(bytes).contains(processId));
  }

  static List<String> processIds(byte[] bpmn) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)).getModelElementsByType(Process.class).stream()
          .map(Process::getId).toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private interface Match {
    boolean test(byte[] content) throws IOException;
  }

  private static String find(Path dir, String extension, Match match) {
    if (dir == null || !Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted()
          .filter(file -> matches(match, file))
          .map(file -> dir.getFileName() + "/" + file.getFileName())
          .findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean matches(Match match, Path file) {
    try {
      return match.test(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
