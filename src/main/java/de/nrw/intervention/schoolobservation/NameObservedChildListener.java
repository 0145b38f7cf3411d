package de.nrw.intervention.schoolobservation;

import static de.nrw.intervention.schoolobservation.SchoolObservation.Variables.CHILD_AGE_AND_CLASS;
import static de.nrw.intervention.schoolobservation.SchoolObservation.Variables.CHILD_FIRST_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names the child on the school's task card, as the Jugendamt's request gives it ("Kind beobachten: Lena (9 Jahre,
 * Klasse 3b)"): a school contact with several requests must tell them apart without opening each. Set when the task
 * is created, so the diagram and the reminder mails keep the modelled name without the child's. Public for the
 * calling processes' tests.
 */
@Component("nameObservedChildListener")
public class NameObservedChildListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String firstName = text(task.getVariable(CHILD_FIRST_NAME));
    if (firstName == null) {
      return;
    }
    String ageAndClass = text(task.getVariable(CHILD_AGE_AND_CLASS));
    task.setName(task.getName() + ": " + firstName + (ageAndClass == null ? "" : " (" + ageAndClass + ")"));
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }
}
