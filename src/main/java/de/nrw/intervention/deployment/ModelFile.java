package de.nrw.intervention.deployment;

import java.nio.file.Path;

/** One file of processes/ or forms/, read once at startup. */
record ModelFile(Path path, String resourceName, byte[] content) {

  enum Kind { BPMN, DMN, FORM }

  Kind kind() {
    if (resourceName.endsWith(".bpmn")) {
      return Kind.BPMN;
    }
    return resourceName.endsWith(".dmn") ? Kind.DMN : Kind.FORM;
  }
}
