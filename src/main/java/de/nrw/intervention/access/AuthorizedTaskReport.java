package de.nrw.intervention.access;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskReportImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Cockpit's "Human Tasks" page (open tasks per candidate group) for everyone, counting only the tasks the user may
 * read: a supervisor sees their district's figures, an administrator all of them. The engine's own report demands
 * READ on every task and so would either fail or show every district ({@code AuthorizedTaskReport.xml}, loaded by {@link AccessMappers}).
 */
final class AuthorizedTaskReport {

  private static final String STATEMENT =
      "de.nrw.intervention.access.AuthorizedTaskReport.selectAuthorizedTaskCountByCandidateGroup";
  /** The engine runs the report as an inner command of {@link TaskReportImpl}. */
  private static final String REPORT_COMMAND = TaskReportImpl.class.getName() + "$TaskCountByCandidateGroupCmd";

  private AuthorizedTaskReport() {
  }

  static boolean isReport(Command<?> command) {
    return command.getClass().getName().equals(REPORT_COMMAND);
  }

  static List<?> run(CommandContext context) {
    TaskQueryImpl parameter = new TaskQueryImpl();
    context.getAuthorizationManager().configureTaskQuery(parameter);
    context.getTenantManager().configureQuery(parameter);
    return context.getDbEntityManager().selectListWithRawParameter(STATEMENT, parameter, 0, Integer.MAX_VALUE);
  }
}
