package de.nrw.intervention.deadline;

import de.nrw.intervention.access.CommandFields;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The limit of a legal deadline ({@value DueDateChangeListener#LIMIT_VARIABLE}, fixed when the task is created) is the
 * platform's, not the caseworker's: no user command may set or remove a task variable of that name (setting a task's
 * variable reaches the task-local one). Without this, a candidate holding the task could raise the limit through
 * {@code PUT /task/{id}/localVariables/...} and then move the deadline past it. Our own listener writes it on the
 * entity, not through a command.
 */
class LimitVariableGuard extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context != null && context.isAuthorizationCheckEnabled() && context.getAuthentication() != null
        && touchesLimit(command)) {
      throw new DeadlineRefusedException("Die Grenze einer gesetzlichen Frist ('" + DueDateChangeListener.LIMIT_VARIABLE
          + "') legt die Plattform beim Anlegen der Aufgabe fest; sie kann nicht geändert werden.");
    }
    return next.execute(command);
  }

  private static boolean touchesLimit(Command<?> command) {
    if (command instanceof SetTaskVariablesCmd) {
      return names(CommandFields.read(command, "variables"));
    }
    if (command instanceof RemoveTaskVariablesCmd) {
      return names(CommandFields.read(command, "variableNames"));
    }
    if (command instanceof PatchTaskVariablesCmd) {
      return names(CommandFields.read(command, "variables")) || names(CommandFields.read(command, "deletions"));
    }
    return false;
  }

  private static boolean names(Object variables) {
    if (variables instanceof Map<?, ?> map) {
      return map.containsKey(DueDateChangeListener.LIMIT_VARIABLE);
    }
    return variables instanceof Collection<?> list && list.contains(DueDateChangeListener.LIMIT_VARIABLE);
  }
}
