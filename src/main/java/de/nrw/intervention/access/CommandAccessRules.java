package de.nrw.intervention.access;

import de.nrw.intervention.casefile.TaskForms;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The need-to-know rules the engine's authorizations cannot say, applied to every command the engine runs, whatever
 * door it came through ({@code /engine-rest}, the web apps' {@code /camunda/api/engine}, plugins, the Java API).
 * Runs inside the command context, so the caller is the engine's own authentication.
 * <ul>
 *   <li><b>No code through queries:</b> an ad-hoc task query, a filter's extension and a filter's stored
 *       {@code orQueries} may carry no expression. 7.24 checks ad-hoc expressions only at the top level, and the
 *       stored filters' top level legitimately holds {@code ${currentUser()}}.</li>
 *   <li><b>Task-only agencies (schools)</b> may neither filter nor sort any query by a variable (each such condition
 *       answers "is the victim's name like X?" through their own task), read no variable or decision history,
 *       and read of their task's variables only the fields of its form.</li>
 *   <li><b>Audit:</b> every read of case variables by a user writes one line ({@link CaseVariableReadAudit}).</li>
 *   <li><b>Cockpit's Human Tasks report</b> counts only the tasks the user may read ({@link AuthorizedTaskReport}).</li>
 * </ul>
 * Commands our own code runs without authorization (grants, lookups) are trusted and skip the caller rules.
 */
class CommandAccessRules extends CommandInterceptor {

  private static final String TASK_ONLY_SEARCH =
      "Schulen sehen nur die Angaben ihrer eigenen Aufgabe: Suchen oder Sortieren nach Falldaten ist nicht erlaubt";
  private static final String TASK_ONLY_HISTORY =
      "Schulen sehen nur die Angaben ihrer eigenen Aufgabe: der Verlauf der Falldaten ist nicht einsehbar";

  private final AccessProperties properties;
  private final TaskFormFields formFields;
  private final CaseVariableReadAudit audit = new CaseVariableReadAudit();

  CommandAccessRules(AccessProperties properties, TaskForms forms) {
    this.properties = properties;
    this.formFields = new TaskFormFields(forms);
  }

  @Override
  public <T> T execute(Command<T> command) {
    refuseExpressions(command);
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled()) {
      return next.execute(command);
    }
    Caller caller = Caller.of(context.getAuthentication());
    if (caller == null) {
      return next.execute(command);
    }
    if (AuthorizedTaskReport.isReport(command)) {
      @SuppressWarnings("unchecked")
      T report = (T) AuthorizedTaskReport.run(context);
      return report;
    }
    boolean taskOnly = caller.isTaskOnly(properties);
    Set<String> visibleFields = taskOnly ? checkTaskOnly(command, context) : null;
    CaseVariableReadAudit.Read read = audit.before(command, context);
    T result = next.execute(command);
    if (visibleFields != null) {
      result = onlyFields(result, visibleFields);
    }
    if (read != null) {
      audit.after(read, result, caller, context);
    }
    return result;
  }

  private static void refuseExpressions(Command<?> command) {
    Optional<String> found = Optional.empty();
    if (command instanceof TaskQueryImpl query) {
      found = QueryInspection.expression(query, true);
    } else if (command instanceof AbstractExecuteFilterCmd) {
      found = QueryInspection.expression(CommandFields.read(command, "extendingQuery"), true);
    } else if (command instanceof SaveFilterCmd) {
      Object filter = CommandFields.read(command, "filter");
      found = filter instanceof Filter saved ? QueryInspection.expression(saved.getQuery(), false) : Optional.empty();
      found = found.map(path -> "query." + path);
    }
    found.ifPresent(path -> {
      throw new BadUserRequestException("Ausdrücke (${…}) sind in Abfragen nicht erlaubt: '" + path + "'");
    });
  }

  /**
   * Refuses what a task-only caller may not ask; for reads of a task's variables, the fields they may see (null:
   * the result is not a task's variables).
   */
  private Set<String> checkTaskOnly(Command<?> command, CommandContext context) {
    if (command instanceof HistoricVariableInstanceQueryImpl || command instanceof HistoricDetailQueryImpl
        || command instanceof HistoricDecisionInstanceQueryImpl) {
      throw new AuthorizationException(TASK_ONLY_HISTORY);
    }
    if (command instanceof AbstractQuery<?, ?> query) {
      QueryInspection.variableCondition(query).ifPresent(where -> {
        throw new AuthorizationException(TASK_ONLY_SEARCH + " ('" + where + "')");
      });
      return null;
    }
    if (command instanceof AbstractExecuteFilterCmd) {
      Object extension = CommandFields.read(command, "extendingQuery");
      if (extension != null) {
        QueryInspection.variableCondition(extension).ifPresent(where -> {
          throw new AuthorizationException(TASK_ONLY_SEARCH + " ('" + where + "')");
        });
      }
      return null;
    }
    if (command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped) {
      String name = CommandFields.readString(command, "variableName");
      if (!formFields.of(CommandFields.readString(command, "taskId"), context).contains(name)) {
        throw new AuthorizationException("Die Angabe '" + name + "' gehört nicht zu dieser Aufgabe");
      }
      return null;
    }
    if (command instanceof GetTaskVariablesCmd || command instanceof CompleteTaskCmd
        || command instanceof SubmitTaskFormCmd) {
      return formFields.of(CommandFields.readString(command, "taskId"), context);
    }
    if (command instanceof GetTaskFormVariablesCmd form) {
      return formFields.of(form.resourceId, context);
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <T> T onlyFields(T result, Set<String> fields) {
    if (!(result instanceof VariableMap variables)) {
      return result;
    }
    VariableMap visible = Variables.createVariables();
    for (String name : variables.keySet()) {
      if (fields.contains(name)) {
        visible.putValueTyped(name, variables.getValueTyped(name));
      }
    }
    return (T) visible;
  }
}
