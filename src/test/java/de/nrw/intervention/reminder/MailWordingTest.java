package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.junit.jupiter.api.Test;

/**
 * What a mail says about a task: its name as modelled, never with the values of the variables its name shows in
 * Tasklist; its due date as the law phrases an end.
 */
class MailWordingTest {

  @Test
  void germanDueDate_asTheLawPhrasesAnEnd_inBerlinTime_englishInTheLocalesFormat() {
    PlatformCalendar berlin = new PlatformCalendar(ZoneId.of("Europe/Berlin"));
    Function<Date, String> german = DeadlineNotifier.dueDateFormat(Locale.GERMAN, berlin);

    assertThat(german.apply(Date.from(Instant.parse("2026-12-05T23:00:00Z")))).isEqualTo("mit Ablauf des 05.12.2026");
    assertThat(german.apply(Date.from(Instant.parse("2026-12-05T16:00:00Z")))).isEqualTo("am 05.12.2026 um 17:00 Uhr");
    assertThat(DeadlineNotifier.dueDateFormat(Locale.ENGLISH, berlin).apply(Date.from(Instant.parse("2026-03-06T08:00:00Z"))))
        .contains("March 6, 2026").contains("9:00");
  }

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
