package de.nrw.intervention.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class TaskPrioritiesTest {

  private final TaskPriorities configured = new TaskPriorities(ConfiguredTaskPriorityPlugin.configured().rules());

  @Test
  void configuredRules_highRiskAndRepeatOffendersFirst() {
    assertThat(configured.of(scope(Map.of("riskLevel", "high")))).hasValue(80);
    assertThat(configured.of(scope(Map.of("track", "repeatOffender")))).hasValue(70);
    assertThat(configured.of(scope(Map.of("track", "intensive")))).hasValue(60);
    assertThat(configured.of(scope(Map.of("riskLevel", "standard")))).isEmpty();
    assertThat(configured.of(scope(Map.of("track", "diversion")))).isEmpty();
    assertThat(configured.of(scope(Map.of()))).isEmpty();
  }

  @Test
  void severalMatchingRules_theHighestWins() {
    TaskPriorities priorities = new TaskPriorities(List.of(new TaskPriorityProperties.Rule("a", "x", 60),
        new TaskPriorityProperties.Rule("b", "true", 90)));

    assertThat(priorities.of(scope(Map.of("a", "x", "b", true)))).hasValue(90);
  }

  @Test
  void ruleWithoutVariable_failsAtStartup() {
    assertThatThrownBy(() -> new TaskPriorities(List.of(new TaskPriorityProperties.Rule(" ", "high", 80))))
        .hasMessageContaining("intervention.task-priority.rules");
  }

  private static VariableScope scope(Map<String, Object> variables) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return scope;
  }
}
