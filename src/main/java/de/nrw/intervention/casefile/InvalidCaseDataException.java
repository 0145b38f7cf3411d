package de.nrw.intervention.casefile;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Case data that a caseworker or a calling system got wrong. Its message is German and names the field as the
 * caseworker reads it on the form ("Aktenzeichen: bitte wie …"); {@link #getField()} is the variable name for
 * programs. A {@link BadUserRequestException}, so that any API door that does not wrap it answers 400 too.
 */
public class InvalidCaseDataException extends BadUserRequestException {

  private final String field;

  /**
   * @param field the variable name, e.g. {@code caseReference}
   * @param label the field as the form shows it, e.g. {@code Aktenzeichen}
   * @param problem what to do about it, in German, e.g. {@code bitte ausfüllen}
   */
  public InvalidCaseDataException(String field, String label, String problem) {
    super(label + ": " + problem);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
