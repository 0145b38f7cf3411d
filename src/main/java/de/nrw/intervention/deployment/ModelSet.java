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
    Map<String, ModelFile> processesById,
    Map<ModelFile, Set<String>> formRefs,
    Map<ModelFile, Set<String>> decisionRefs,
    Map<ModelFile, Set<String>> callRefs) {

  /**
   * The changed files plus everything deployed together with them. Processes bind forms, decisions and called
   * processes with {@code binding="deployment"}, so a new process version must carry what it binds, and a changed
   * form, decision or called process must be redeployed with the processes that use it.
   */
  Set<ModelFile> withDependencies(Set<ModelFile> changed) {
    Set<ModelFile> result = new LinkedHashSet<>(changed);
    changed.stream().filter(file -> file.kind() != ModelFile.Kind.BPMN).forEach(file -> result.addAll(usersOf(file)));
    changed.stream().filter(file -> file.kind() == ModelFile.Kind.BPMN).forEach(file -> result.addAll(callersOf(file)));
    int size;
    do {
      size = result.size();
      List<ModelFile> processes = result.stream().filter(file -> file.kind() == ModelFile.Kind.BPMN).toList();
      for (ModelFile process : processes) {
        formRefs.get(process).forEach(id -> result.add(formsById.get(id)));
        decisionRefs.get(process).forEach(id -> result.add(decisionsById.get(id)));
        callRefs.get(process).forEach(id -> result.add(processesById.get(id)));
      }
    } while (result.size() > size);
    return result;
  }

  private List<ModelFile> usersOf(ModelFile dependency) {
    return files.stream()
        .filter(file -> file.kind() == ModelFile.Kind.BPMN)
        .filter(bpmn -> formRefs.get(bpmn).stream().anyMatch(id -> formsById.get(id) == dependency)
            || decisionRefs.get(bpmn).stream().anyMatch(id -> decisionsById.get(id) == dependency))
        .toList();
  }

  private List<ModelFile> callersOf(ModelFile called) {
    return files.stream()
        .filter(file -> file.kind() == ModelFile.Kind.BPMN && file != called)
        .filter(bpmn -> callRefs.get(bpmn).stream().anyMatch(id -> processesById.get(id) == called))
        .toList();
  }
}
