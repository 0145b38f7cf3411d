package de.nrw.intervention.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableOrderProperty;

/**
 * What a query asks about variables and which expressions it carries, looked at on the engine's query objects
 * (whatever door built them: REST, the web apps, a filter's extension, the Java API).
 */
final class QueryInspection {

  private QueryInspection() {
  }

  /**
   * Where the query filters or sorts by a variable's value ({@code processVariables}, {@code orQueries[1]...},
   * a variable sorting), or empty. Each such condition answers "is this case's variable X like Y?".
   */
  static Optional<String> variableCondition(Object query) {
    if (query instanceof TaskQueryImpl task) {
      return branchWith(task.getQueries(), branch -> !branch.getVariables().isEmpty())
          .or(() -> variableSorting(task));
    }
    if (query instanceof HistoricTaskInstanceQueryImpl history) {
      return branchWith(history.getQueries(), branch -> !branch.getVariables().isEmpty())
          .or(() -> variableSorting(history));
    }
    if (query instanceof ProcessInstanceQueryImpl instances) {
      return branchWith(instances.getQueries(), branch -> !branch.getQueryVariableValues().isEmpty());
    }
    if (query instanceof HistoricProcessInstanceQueryImpl instances) {
      return branchWith(instances.getQueries(), branch -> !branch.getQueryVariableValues().isEmpty());
    }
    if (query instanceof AbstractVariableQueryImpl<?, ?> variables && !variables.getQueryVariableValues().isEmpty()) {
      return Optional.of("variables");
    }
    if (query instanceof HistoricVariableInstanceQueryImpl history && history.getQueryVariableValue() != null) {
      return Optional.of("variableValue");
    }
    return Optional.empty();
  }

  /** The first branch (the query itself, then its {@code orQueries}) with a variable condition, as a path. */
  private static <Q> Optional<String> branchWith(List<Q> branches, Predicate<Q> hasVariableCondition) {
    for (int i = 0; i < branches.size(); i++) {
      if (hasVariableCondition.test(branches.get(i))) {
        return Optional.of(branch(i) + "variables");
      }
    }
    return Optional.empty();
  }

  /**
   * The first expression ({@code ${...}} / {@code #{...}}) the query would evaluate, as a path like
   * {@code orQueries[0].taskAssignee}, or empty. {@code includeTopLevel} false skips the top level, where a stored
   * filter legitimately keeps {@code ${currentUser()}}.
   */
  static Optional<String> expression(Object query, boolean includeTopLevel) {
    if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
      return Optional.empty();
    }
    if (includeTopLevel) {
      Optional<String> top = firstKey(abstractQuery.getExpressions(), "");
      if (top.isPresent()) {
        return top;
      }
    }
    if (query instanceof TaskQueryImpl task) {
      List<TaskQueryImpl> branches = task.getQueries();
      for (int i = 1; i < branches.size(); i++) {
        Optional<String> nested = firstKey(branches.get(i).getExpressions(), "orQueries[" + (i - 1) + "].");
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstKey(Map<String, String> expressions, String prefix) {
    if (expressions == null) {
      return Optional.empty();
    }
    return expressions.entrySet().stream()
        .filter(entry -> entry.getValue() != null)
        .map(entry -> prefix + entry.getKey())
        .findFirst();
  }

  private static Optional<String> variableSorting(AbstractQuery<?, ?> query) {
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      if (ordering instanceof VariableOrderProperty
          || QueryOrderingProperty.RELATION_VARIABLE.equals(ordering.getRelation())) {
        return Optional.of("sorting");
      }
    }
    return Optional.empty();
  }

  private static String branch(int index) {
    return index == 0 ? "" : "orQueries[" + (index - 1) + "].";
  }
}
