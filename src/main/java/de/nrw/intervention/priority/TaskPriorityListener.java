package de.nrw.intervention.priority;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Raises a new task's priority to what its case's risk calls for, so a high-risk case's task sorts and shows above a
 * standard one in Tasklist. Never lowers a priority the model set.
 */
class TaskPriorityListener implements TaskListener {

  private final TaskPriorities priorities;

  TaskPriorityListener(TaskPriorities priorities) {
    this.priorities = priorities;
  }

  @Override
  public void notify(DelegateTask task) {
    int priority = priorities.of(task, task.getPriority());
    if (priority != task.getPriority()) {
      task.setPriority(priority);
    }
  }
}
