package de.nrw.intervention.access;

import de.nrw.intervention.casefile.CaseStartCheck;
import de.nrw.intervention.casefile.TaskFormCheck;
import de.nrw.intervention.casefile.TaskForms;
import de.nrw.intervention.routing.DistrictRouting;
import java.util.Optional;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the need-to-know listeners to every deployed model, so designers cannot forget them:
 * <ul>
 *   <li>a case process (one that declares the {@code caseReferenceListener} start listener, as every case model
 *       must) gets {@link CaseStartCheck} after that listener (start form and district validated), then
 *       {@link CaseStarterCheck} (who may open a case of this process and district), then {@link CaseOpenerAccess} (the district's police and supervisors may read the case);</li>
 *   <li>every user task gets {@link TaskCandidateAccess}: the agencies a task is offered to may read the case
 *       they now work on, except task-only agencies (schools); and {@link TaskFormCheck}: a completion holds the types
 *       of the task's form;</li>
 *   <li>every process gets {@link CaseEndCleanup}, which drops the grants on the running instance when it ends.</li>
 * </ul>
 * A process with a user task anywhere (also in a sub-process) that does not declare the start listener is refused
 * at parse time: people work on it, so it is a case, and without the listener it would run without the start
 * checks and grants. The refusal is a parse error on the user task, so startup deployment and REST deployment
 * alike fail with the file, line and element id (docs/SECURITY.md, "Fail closed").
 */
class CaseAccessParseListener extends AbstractBpmnParseListener {

  private static final String CASE_MARKER = "caseReferenceListener";

  private final CaseStartCheck caseStartCheck;
  private final CaseStarterCheck caseStarterCheck;
  private final CaseOpenerAccess caseOpenerAccess;
  private final TaskCandidateAccess taskCandidateAccess;
  private final CaseEndCleanup caseEndCleanup = new CaseEndCleanup();
  private final TaskFormCheck taskFormCheck;

  CaseAccessParseListener(AccessProperties properties, DistrictRouting routing, TaskForms forms) {
    this.taskFormCheck = new TaskFormCheck(forms);
    this.caseStartCheck = new CaseStartCheck(routing);
    this.caseStarterCheck = new CaseStarterCheck(properties, routing);
    this.caseOpenerAccess = new CaseOpenerAccess(properties, routing);
    this.taskCandidateAccess = new TaskCandidateAccess(properties, routing);
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    if (isCaseProcess(processElement)) {
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, caseStartCheck);
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, caseStarterCheck);
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, caseOpenerAccess);
    } else {
      firstUserTask(processElement).ifPresent(userTask -> {
        throw new BpmnParseException(notACaseMessage(processElement, userTask), userTask);
      });
    }
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseEndCleanup);
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskCandidateAccess);
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskFormCheck);
    }
  }

  private static boolean isCaseProcess(Element processElement) {
    Element extensions = processElement.element("extensionElements");
    if (extensions == null) {
      return false;
    }
    return extensions.elements().stream()
        .filter(element -> "executionListener".equals(element.getTagName()))
        // An "end" listener would leave the case without reference and business key while it runs.
        .filter(listener -> ExecutionListener.EVENTNAME_START.equals(listener.attribute("event")))
        .anyMatch(listener -> {
          String expression = listener.attribute("delegateExpression");
          return expression != null && expression.contains(CASE_MARKER);
        });
  }

  /** Depth first in document order, so the message names the task a designer sees first in the file. */
  private static Optional<Element> firstUserTask(Element scope) {
    for (Element child : scope.elements()) {
      if ("userTask".equals(child.getTagName())) {
        return Optional.of(child);
      }
      Optional<Element> nested = firstUserTask(child);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  private static String notACaseMessage(Element processElement, Element userTask) {
    return "process '" + processElement.attribute("id") + "' has user task '" + userTask.attribute("id")
        + "' but no start listener ${" + CASE_MARKER + "} on the process: every process with user tasks is a case"
        + " and needs it (Modeler: select the process, Execution listeners, event start, delegate expression ${"
        + CASE_MARKER + "}; docs/MODELLING.md)";
  }
}
