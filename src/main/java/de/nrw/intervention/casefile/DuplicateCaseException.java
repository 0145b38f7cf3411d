package de.nrw.intervention.casefile;

/** A second start for a reference that already has an open case of the same process. */
public class DuplicateCaseException extends InvalidCaseDataException {

  public DuplicateCaseException(String reference, String processName) {
    super(CaseReferenceListener.VARIABLE, CaseReferenceListener.LABEL,
        "zu '" + reference + "' ist bereits ein Fall „" + processName + "“ offen; bitte diesen Fall weiterbearbeiten");
  }
}
