package de.nrw.intervention.casefile;

/** A second start for a reference that already has an open case of the same process. */
public class DuplicateCaseException extends InvalidCaseDataException {

  public DuplicateCaseException(String reference, String processDefinitionKey) {
    super(CaseReferenceListener.VARIABLE,
        "'" + reference + "' already has an open " + processDefinitionKey + " case; continue that case instead");
  }
}
