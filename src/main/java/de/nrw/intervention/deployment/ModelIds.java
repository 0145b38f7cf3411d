package de.nrw.intervention.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The ids a model file defines: a form's id, a DMN file's decision ids, a BPMN file's process ids. One reading for
 * the folder reader, the deployer, the deployment binding check and the folder hints, so that all four agree on what
 * a file provides. The {@code OrNone} variants are for files the engine or the folder reader reports on itself: a file
 * that does not parse provides nothing.
 */
final class ModelIds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelIds() {
  }

  /** Throws the DMN model API's exception for a file that is not DMN. */
  static List<String> decisionIds(byte[] dmn) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(dmn)).getModelElementsByType(Decision.class).stream()
        .map(Decision::getId).toList();
  }

  static List<String> decisionIdsOrNone(byte[] dmn) {
    try {
      return decisionIds(dmn);
    } catch (RuntimeException notDmn) {
      return List.of();
    }
  }

  static List<String> processIdsOrNone(byte[] bpmn) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)).getModelElementsByType(Process.class).stream()
          .map(Process::getId).toList();
    } catch (RuntimeException notBpmn) {
      return List.of();
    }
  }

  static Optional<String> formIdOrNone(byte[] form) {
    try {
      JsonNode json = JSON.readTree(form);
      return json != null && json.path("id").isTextual() ? Optional.of(json.path("id").asText()) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
