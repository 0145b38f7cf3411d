package de.nrw.intervention.deadline;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.deployment.ExtensionProperty;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Gives every user task the due-date change listener, with the task's legal deadline if the model marks one
 * (extension properties {@value LegalDeadline#BASIS_PROPERTY}, {@value LegalDeadline#LATEST_PROPERTY}).
 */
class DeadlineChangeParseListener extends AbstractBpmnParseListener {

  private final PlatformCalendar calendar;

  DeadlineChangeParseListener(PlatformCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    TaskListener listener = new DueDateChangeListener(legalDeadline(userTaskElement, activity), calendar);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
  }

  /** A limit without a legal basis fails the deployment: a refusal must say which law it follows. */
  private static LegalDeadline legalDeadline(Element userTaskElement, ActivityImpl activity) {
    String basis = property(userTaskElement, LegalDeadline.BASIS_PROPERTY);
    String latest = property(userTaskElement, LegalDeadline.LATEST_PROPERTY);
    if (basis == null || basis.isBlank()) {
      if (latest != null) {
        throw new IllegalArgumentException("User task '" + activity.getId() + "': " + LegalDeadline.LATEST_PROPERTY
            + " needs " + LegalDeadline.BASIS_PROPERTY + " naming the law, e.g. §34a PolG NRW");
      }
      return null;
    }
    Expression latestExpression = latest == null || latest.isBlank() ? null
        : Context.getProcessEngineConfiguration().getExpressionManager().createExpression(latest.trim());
    return new LegalDeadline(activity.getId(), basis.trim(), latestExpression);
  }

  private static String property(Element userTaskElement, String name) {
    Element property = ExtensionProperty.find(userTaskElement, name);
    return property == null ? null : property.attribute("value");
  }
}
