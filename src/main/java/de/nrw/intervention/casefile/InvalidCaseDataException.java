package de.nrw.intervention.casefile;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Case data that a caseworker or a calling system got wrong; its message names the field. A
 * {@link BadUserRequestException}, so that any API door that does not wrap it answers 400 too.
 */
public class InvalidCaseDataException extends BadUserRequestException {

  private final String field;

  public InvalidCaseDataException(String field, String problem) {
    super("Invalid case data: '" + field + "' " + problem);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
