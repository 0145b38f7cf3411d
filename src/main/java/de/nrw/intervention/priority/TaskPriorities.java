package de.nrw.intervention.priority;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The priority the configured rules give a case's task; no engine needed. */
final class TaskPriorities {

  private final List<TaskPriorityProperties.Rule> rules;

  TaskPriorities(List<TaskPriorityProperties.Rule> rules) {
    rules.forEach(rule -> {
      if (rule.variable() == null || rule.variable().isBlank() || rule.value() == null) {
        throw new IllegalArgumentException("intervention.task-priority.rules: every rule needs a variable and a value, not "
            + rule);
      }
    });
    this.rules = List.copyOf(rules);
  }

  /** The highest priority of the rules the case's variables match; empty when none matches. */
  OptionalInt of(VariableScope task) {
    return rules.stream()
        .filter(rule -> Objects.equals(rule.value(), text(task.getVariable(rule.variable()))))
        .mapToInt(TaskPriorityProperties.Rule::priority)
        .max();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
