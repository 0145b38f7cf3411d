package de.nrw.intervention.casefile;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
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

  /** Police references are short codes such as {@code KOE-2026-004711}; no free text, no personal data. */
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{2,63}");

  /** Whether a value has the form of a police reference (and so carries no free text or personal data). */
  public static boolean isWellFormed(Object value) {
    return value instanceof String text && FORMAT.matcher(text).matches();
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = reference(execution);
    if (!isWellFormed(reference)) {
      throw new InvalidCaseDataException(VARIABLE,
          "must be 3 to 64 characters: letters, digits and . / _ - (for example KOE-2026-004711)");
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
        throw new InvalidCaseDataException(VARIABLE, "differs from the business key '" + businessKey + "'");
      }
      return value.trim();
    }
    if (variable != null) {
      throw new InvalidCaseDataException(VARIABLE, "must be text");
    }
    if (businessKey != null && !businessKey.isBlank()) {
      return businessKey.trim();
    }
    throw new InvalidCaseDataException(VARIABLE, "is required (the police reference of the incident or case)");
  }

  private static void rejectIfAlreadyOpen(DelegateExecution execution, String reference) {
    // The starting officer may not be allowed to see the other case; the check must see every case.
    String processDefinitionKey = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getRepositoryService()
            .getProcessDefinition(execution.getProcessDefinitionId()).getKey());
    long open = Context.getCommandContext().runWithoutAuthorization(() ->
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(processDefinitionKey)
            .processInstanceBusinessKey(reference)
            .count());
    if (open > 0) {
      throw new DuplicateCaseException(reference, processDefinitionKey);
    }
  }
}
