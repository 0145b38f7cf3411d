package de.nrw.intervention.deployment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The validated content of processes/ and forms/ with the references between files. */
record ModelSet(
    List<ModelFile> files,
    Map<String, ModelFile> formsById,
    Map<String, ModelFile> decisionsById,
    Map<ModelFile, Set<String>> formRefs,
    Map<ModelFile, Set<String>> decisionRefs) {

  /**
   * The changed files plus everything deployed together with them. Processes bind forms and decisions
   * with {@code binding="deployment"}, so a new process version must carry its forms and decisions, and a
   * changed form or decision must be redeployed with the processes that use it.
   */
  Set<ModelFile> withDependencies(Set<ModelFile> changed) {
    Set<ModelFile> result = new LinkedHashSet<>(changed);
    changed.stream().filter(file -> file.kind() != ModelFile.Kind.BPMN).forEach(file -> result.addAll(usersOf(file)));
    List<ModelFile> processes = result.stream().filter(file -> file.kind() == ModelFile.Kind.BPMN).toList();
    for (ModelFile process : processes) {
      formRefs.get(process).forEach(id -> result.add(formsById.get(id)));
      decisionRefs.get(process).forEach(id -> result.add(decisionsById.get(id)));
    }
    return result;
  }

  private List<ModelFile> usersOf(ModelFile dependency) {
    return files.stream()
        .filter(file -> file.kind() == ModelFile.Kind.BPMN)
        .filter(bpmn -> formRefs.get(bpmn).stream().anyMatch(id -> formsById.get(id) == dependency)
            || decisionRefs.get(bpmn).stream().anyMatch(id -> decisionsById.get(id) == dependency))
        .toList();
  }
}
