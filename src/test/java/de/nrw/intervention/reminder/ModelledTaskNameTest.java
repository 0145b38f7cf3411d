package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.junit.jupiter.api.Test;

/** Mails name a task as modelled, never with the values of the variables its name shows in Tasklist. */
class ModelledTaskNameTest {

  @Test
  void nameWithVariables_isCutBeforeTheFirstExpression() {
    assertThat(DeadlineNotifier.modelledTaskName(task("Kind beobachten: ${observedChildFirstName} (${age})")))
        .isEqualTo("Kind beobachten");
    assertThat(DeadlineNotifier.modelledTaskName(task("Rückkehrverbot prüfen"))).isEqualTo("Rückkehrverbot prüfen");
    assertThat(DeadlineNotifier.modelledTaskName(task("#{victimName} anrufen"))).isEqualTo("Task_X");
  }

  private static TaskEntity task(String modelledName) {
    Expression name = mock(Expression.class);
    when(name.getExpressionText()).thenReturn(modelledName);
    TaskDefinition definition = new TaskDefinition(null);
    definition.setNameExpression(name);
    TaskEntity task = mock(TaskEntity.class);
    when(task.getTaskDefinition()).thenReturn(definition);
    when(task.getTaskDefinitionKey()).thenReturn("Task_X");
    return task;
  }
}
