package de.nrw.intervention.reminder;

import de.nrw.intervention.deployment.ExtensionProperty;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every deployed process the deadline listener, so no model needs anything extra.
 * A user task may set its own lead with the extension property {@value #LEAD_PROPERTY} (ISO-8601, e.g. PT4H,
 * or an expression giving one, e.g. from the process's deadlines decision).
 */
class DeadlineParseListener extends AbstractBpmnParseListener {

  static final String LEAD_PROPERTY = "reminderLead";

  private final DeadlinePlanner planner;

  DeadlineParseListener(DeadlinePlanner planner) {
    this.planner = planner;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    TaskListener listener = new DeadlineTaskListener(planner, leadOverride(userTaskElement, activity));
    for (String event : new String[] {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
        TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE}) {
      definition.addBuiltInTaskListener(event, listener);
    }
  }

  /** A wrong value fails the deployment: better than a task that silently gets the default lead. */
  private static ReminderLead leadOverride(Element userTaskElement, ActivityImpl activity) {
    Element property = ExtensionProperty.find(userTaskElement, LEAD_PROPERTY);
    if (property == null) {
      return null;
    }
    String value = property.attribute("value");
    if (value != null && ReminderLead.isExpression(value)) {
      return ReminderLead.of(Context.getProcessEngineConfiguration().getExpressionManager()
          .createExpression(value.trim()));
    }
    try {
      return ReminderLead.fixed(ReminderLead.parse(value == null ? "" : value));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("User task '" + activity.getId() + "': extension property "
          + LEAD_PROPERTY + " must be an ISO-8601 duration such as PT4H or P2D (or an expression giving one), not '"
          + value + "'", e);
    }
  }
}
