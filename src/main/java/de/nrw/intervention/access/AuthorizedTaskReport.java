package de.nrw.intervention.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskReportImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Cockpit's "Human Tasks" page (open tasks per candidate group) for everyone, counting only the tasks the user may
 * read: a supervisor sees their district's figures, an administrator all of them. The engine's own report demands
 * READ on every task and so would either fail or show every district ({@code AuthorizedTaskReport.xml}).
 */
final class AuthorizedTaskReport {

  static final String MAPPER = "de/nrw/intervention/access/AuthorizedTaskReport.xml";
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

  static void load(ProcessEngineConfigurationImpl engineConfiguration) {
    Configuration myBatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
    synchronized (myBatis) {
      if (myBatis.isResourceLoaded(MAPPER)) {
        return;
      }
      try (InputStream mapper = AuthorizedTaskReport.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) {
          throw new IllegalStateException("Query mapper " + MAPPER + " is missing from the classpath");
        }
        new XMLMapperBuilder(mapper, myBatis, MAPPER, myBatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read query mapper " + MAPPER, e);
      }
    }
  }
}
