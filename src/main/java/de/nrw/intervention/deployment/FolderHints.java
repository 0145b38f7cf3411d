package de.nrw.intervention.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which file of processes/ or forms/ defines a form, decision or process id, so that a refusal can say which file the
 * designer must attach. Read when asked (the folders can change while the app runs); a file that does not parse gives
 * no hint, the refusal then names the id alone.
 */
class FolderHints {

  private final ModelProperties properties;

  FolderHints(ModelProperties properties) {
    this.properties = properties;
  }

  String formFile(String formId) {
    return find(properties.formsDir(), ".form", bytes -> ModelIds.formIdOrNone(bytes).filter(formId::equals)
        .isPresent());
  }

  String decisionFile(String decisionId) {
    return find(properties.processesDir(), ".dmn", bytes -> ModelIds.decisionIdsOrNone(bytes).contains(decisionId));
  }

  String processFile(String processId) {
    return find(properties.processesDir(), ".bpmn", bytes -> ModelIds.processIdsOrNone(bytes).contains(processId));
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
