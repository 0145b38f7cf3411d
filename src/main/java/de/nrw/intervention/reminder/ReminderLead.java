package de.nrw.intervention.reminder;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A user task's {@code reminderLead}: a fixed ISO-8601 duration ({@code PT4H}), checked when the model is deployed,
 * or an expression ({@code ${threatAssessmentReminderLead}}) giving one, so that a deadlines decision can set the lead
 * next to the due date. An expression is evaluated when the task's deadline is planned.
 */
final class ReminderLead {

  private final Duration fixed;
  private final Expression expression;

  private ReminderLead(Duration fixed, Expression expression) {
    this.fixed = fixed;
    this.expression = expression;
  }

  static ReminderLead fixed(Duration lead) {
    return new ReminderLead(lead, null);
  }

  static ReminderLead of(Expression expression) {
    return new ReminderLead(null, expression);
  }

  static boolean isExpression(String value) {
    String text = value.trim();
    return (text.startsWith("${") || text.startsWith("#{")) && text.endsWith("}");
  }

  /** @throws IllegalArgumentException for a negative or malformed duration */
  static Duration parse(String value) {
    Duration lead = Duration.parse(value.trim());
    if (lead.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    return lead;
  }

  /** The lead for this task; a wrong value from an expression fails the command, naming the task. */
  Duration of(VariableScope task, String taskDefinitionKey) {
    if (expression == null) {
      return fixed;
    }
    Object value = expression.getValue(task);
    if (value instanceof Duration duration && !duration.isNegative()) {
      return duration;
    }
    try {
      return parse(String.valueOf(value));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new ProcessEngineException("User task '" + taskDefinitionKey + "': reminderLead "
          + expression.getExpressionText() + " gave '" + value + "', not an ISO-8601 duration such as PT30M", e);
    }
  }
}
