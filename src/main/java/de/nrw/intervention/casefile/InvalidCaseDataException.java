package de.nrw.intervention.casefile;

import org.camunda.bpm.engine.ProcessEngineException;

/** Case data that a caseworker or a calling system got wrong; its message names the field. */
public class InvalidCaseDataException extends ProcessEngineException {

  private final String field;

  public InvalidCaseDataException(String field, String problem) {
    super("Invalid case data: '" + field + "' " + problem);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
