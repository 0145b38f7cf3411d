package de.nrw.intervention.casefile;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Process start listener shared by every case process: the police reference ({@value #VARIABLE}) is the
 * case's business key, and an open case with the same reference may exist only once per process.
 *
 * <p>Without this, a re-sent REST call or a double click in Tasklist would open two parallel cases for
 * one incident, each with its own deadlines and reminders.
 */
@Component("caseReferenceListener")
public class CaseReferenceListener implements ExecutionListener {

  public static final String VARIABLE = "caseReference";

  /** What the start forms call the field. */
  static final String LABEL = "Aktenzeichen";

  /**
   * Police references as the 47 authorities write them: {@code KOE-2026-004711}, {@code VG 2026/004712},
   * {@code K.12-2026/17}: letters, digits, spaces, dot, slash, underscore and hyphen, starting and ending with a
   * letter or digit, 3 to 64 characters. Short codes, no free text (no comma, colon, quotes or line breaks).
   */
  private static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./_-]{1,62}[\\p{L}\\p{N}]");

  static final String FORMAT_HINT = "bitte wie KOE-2026-004711 oder VG 2026/004712 eingeben "
      + "(3 bis 64 Zeichen: Buchstaben, Ziffern, Leerzeichen und . / _ -)";

  /** Whether a value has the form of a police reference (and so carries no free text or personal data). */
  public static boolean isWellFormed(Object value) {
    return value instanceof String text && FORMAT.matcher(text).matches();
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = reference(execution);
    if (!isWellFormed(reference)) {
      throw new InvalidCaseDataException(VARIABLE, LABEL, FORMAT_HINT);
    }
    execution.setVariable(VARIABLE, reference);
    execution.setProcessBusinessKey(reference);
    rejectIfAlreadyOpen(execution, reference);
  }

  private static String reference(DelegateExecution execution) {
    Object variable = execution.getVariable(VARIABLE);
    String businessKey = execution.getProcessBusinessKey();
    if (variable instanceof String value && !value.isBlank()) {
      if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(value.trim())) {
        throw new InvalidCaseDataException(VARIABLE, LABEL,
            "weicht vom Geschäftsschlüssel '" + businessKey + "' ab; bitte nur einmal angeben");
      }
      return value.trim();
    }
    if (variable != null) {
      throw new InvalidCaseDataException(VARIABLE, LABEL, "muss Text sein");
    }
    if (businessKey != null && !businessKey.isBlank()) {
      return businessKey.trim();
    }
    throw new InvalidCaseDataException(VARIABLE, LABEL, "bitte das Aktenzeichen der Polizei zum Einsatz oder Fall angeben");
  }

  private static void rejectIfAlreadyOpen(DelegateExecution execution, String reference) {
    // The starting officer may not be allowed to see the other case; the check must see every case.
    ProcessDefinition process = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getRepositoryService()
            .getProcessDefinition(execution.getProcessDefinitionId()));
    String processDefinitionKey = process.getKey();
    long open = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(processDefinitionKey)
            .processInstanceBusinessKey(reference)
            .count());
    if (open > 0) {
      throw new DuplicateCaseException(reference, process.getName() != null ? process.getName() : processDefinitionKey);
    }
  }
}
