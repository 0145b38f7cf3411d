package de.nrw.intervention.priority;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The priority the configured rules give a case's task; no engine needed. */
final class TaskPriorities {

  private final List<TaskPriorityProperties.Rule> rules;
  private final Set<String> variables;

  TaskPriorities(List<TaskPriorityProperties.Rule> rules) {
    rules.forEach(rule -> {
      if (rule.variable() == null || rule.variable().isBlank() || rule.value() == null) {
        throw new IllegalArgumentException("intervention.task-priority.rules: every rule needs a variable and a value, not "
            + rule);
      }
    });
    this.rules = List.copyOf(rules);
    this.variables = rules.stream().map(TaskPriorityProperties.Rule::variable).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the rules read this variable, so that a change of it may change a task's priority. */
  boolean reads(String variable) {
    return variables.contains(variable);
  }

  /** The priority a task should have: the highest matching rule's, never below {@code modelled}. */
  int of(VariableScope task, int modelled) {
    return Math.max(modelled, of(task).orElse(modelled));
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
