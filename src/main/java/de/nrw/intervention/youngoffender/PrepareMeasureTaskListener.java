package de.nrw.intervention.youngoffender;

import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.MEASURE_DESCRIPTION;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.MEASURE_DUE_DATE;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.MEASURE_NUMBER;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.MEASURE_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prepares one "Carry out measure" instance of the multi-instance task.
 *
 * <p>On start, it declares the measure's result variables on the instance's own execution, so that each
 * completed form lands there and every measure keeps its own result. On task creation, it copies the
 * measure into task-local variables for the form. Input mappings cannot do either: on a multi-instance
 * activity they run before the element variable {@code measureNumber} exists.
 */
@Component("prepareMeasureTaskListener")
class PrepareMeasureTaskListener implements ExecutionListener, TaskListener {

  static final String MEASURE_NOTES = "measureNotes";

  private final InterventionPlan interventionPlan;

  PrepareMeasureTaskListener(InterventionPlan interventionPlan) {
    this.interventionPlan = interventionPlan;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariableLocal(MEASURE_OUTCOME, null);
    execution.setVariableLocal(MEASURE_NOTES, null);
  }

  @Override
  public void notify(DelegateTask task) {
    Object number = task.getVariable(MEASURE_NUMBER);
    task.setVariableLocal(MEASURE_DESCRIPTION, interventionPlan.description(task, number));
    task.setVariableLocal(MEASURE_DUE_DATE, interventionPlan.dueDay(task, number));
  }
}
