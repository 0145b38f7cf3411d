package de.nrw.intervention.deadline;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A user task whose deadline the law sets, as modelled with the extension properties {@value #BASIS_PROPERTY}
 * (the legal basis, named in a refusal) and optionally {@value #LATEST_PROPERTY} (an expression for a date the
 * deadline may never pass, e.g. the return ban's end).
 *
 * @param basis  e.g. "§34a PolG NRW"
 * @param latest null when the task has no absolute limit beyond the due date it was created with
 */
public record LegalDeadline(String taskKey, String basis, Expression latest) {

  public static final String BASIS_PROPERTY = "legalDeadline";
  static final String LATEST_PROPERTY = "legalDeadlineLatest";

  /** The latest allowed due date of a task just created: its due date, or the absolute limit if that is earlier. */
  Date limitAtCreation(Date createdDueDate, VariableScope task) {
    Date absolute = latest == null ? null : absoluteLimit(task);
    return DeadlineLimit.earlier(createdDueDate, absolute);
  }

  private Date absoluteLimit(VariableScope task) {
    Object value = latest.getValue(task);
    if (value instanceof Date date) {
      return date;
    }
    throw new ProcessEngineException("User task '" + taskKey + "': " + LATEST_PROPERTY + " '"
        + latest.getExpressionText() + "' must give a date, not " + value);
  }
}
