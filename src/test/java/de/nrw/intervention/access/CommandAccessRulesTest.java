package de.nrw.intervention.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.nrw.intervention.casefile.TaskForms;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.impl.VariableOrderProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command-level rules on the engine's own query and command objects, without an engine or an app. */
class CommandAccessRulesTest {

  private static final AccessProperties PROPERTIES = new AccessProperties(
      List.of("policeGroup", "policeSupervisorGroup"), List.of("policeSupervisorGroup"), List.of("school"), Map.of());

  private final CommandAccessRules rules = new CommandAccessRules(PROPERTIES, new TaskForms());
  private int executed;

  CommandAccessRulesTest() {
    rules.setNext(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        executed++;
        return null;
      }
    });
  }

  private static boolean inContext;

  @AfterEach
  void leaveContext() {
    if (inContext) {
      Context.removeCommandContext();
      inContext = false;
    }
  }

  @Test
  void expressionInAnOrQuery_isRefused_forEveryone_evenWithoutAnAuthenticatedUser() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.or().taskAssigneeExpression("${'officer'}").endOr();

    assertThat(query.getQueries()).hasSize(2);
    assertThat(query.getQueries().get(1).getExpressions()).containsKey("taskAssignee");
    assertThatThrownBy(() -> run(query)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'orQueries[0].taskAssignee'");
    assertThat(executed).isZero();
  }

  @Test
  void expressionInAFiltersExtension_isRefused_atAnyLevel() {
    TaskQueryImpl extension = new TaskQueryImpl();
    extension.taskCandidateGroupExpression("${'policeBonn'}");

    assertThatThrownBy(() -> run(new ExecuteFilterCountCmd("filter-1", extension)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'taskCandidateGroup'");
  }

  @Test
  void schoolContact_mayNotAskAnyQueryAboutVariableValues() {
    as("teacher", "schoolKoeln");

    assertRefused(new TaskQueryImpl().processVariableValueLike("victimName", "E%"));
    TaskQueryImpl nested = new TaskQueryImpl();
    nested.or().processVariableValueEquals("victimName", "Erika").endOr();
    assertRefused(nested);
    assertRefused(new HistoricTaskInstanceQueryImpl()
        .processVariableValueEquals("victimName", "Erika"));
    assertRefused(new ProcessInstanceQueryImpl().variableValueEquals("riskLevel", "high"));
    assertRefused(new HistoricProcessInstanceQueryImpl()
        .variableValueEquals("riskLevel", "high"));
    assertRefused(new VariableInstanceQueryImpl().variableValueEquals("victimName", "Erika"));
    assertRefused(new ExecuteFilterCountCmd("filter-1", new TaskQueryImpl().taskVariableValueEquals("x", 1)));
    assertThat(executed).isZero();
  }

  @Test
  void schoolContact_mayNotSortByAVariable_norReadVariableHistory() {
    as("teacher", "schoolKoeln");
    TaskQueryImpl sorted = new TaskQueryImpl();
    sorted.orderBy(VariableOrderProperty.forProcessInstanceVariable("victimName", ValueType.STRING));

    assertRefused(sorted);
    assertRefused(new HistoricVariableInstanceQueryImpl());
    assertRefused(new HistoricDetailQueryImpl());
  }

  @Test
  void schoolContact_mayStillListItsTasks_withoutVariableConditions() {
    as("teacher", "schoolKoeln");

    run(new TaskQueryImpl().taskCandidateGroup("schoolKoeln"));
    run(new VariableInstanceQueryImpl().variableName("caseReference"));

    assertThat(executed).isEqualTo(2);
  }

  @Test
  void agenciesThatReadTheCase_mayAskAboutItsVariables() {
    as("youthworker", "youthWelfareKoeln");
    run(new TaskQueryImpl().processVariableValueLike("victimName", "E%"));
    as("demo", "camunda-admin", "schoolKoeln");
    run(new HistoricVariableInstanceQueryImpl());

    assertThat(executed).isEqualTo(2);
  }

  @Test
  void trustedCommands_runWithoutAuthorization_skipTheCallerRules() {
    CommandContext context = as("teacher", "schoolKoeln");
    when(context.isAuthorizationCheckEnabled()).thenReturn(false);

    run(new HistoricVariableInstanceQueryImpl());

    assertThat(executed).isEqualTo(1);
  }

  private void run(Object command) {
    rules.execute((Command<?>) command);
  }

  private void assertRefused(Object command) {
    assertThatThrownBy(() -> run(command)).as(command.getClass().getSimpleName())
        .isInstanceOf(AuthorizationException.class).hasMessageStartingWith("Schulen sehen nur");
  }

  private static CommandContext as(String user, String... groups) {
    if (inContext) {
      Context.removeCommandContext();
    }
    inContext = true;
    CommandContext context = mock(CommandContext.class);
    when(context.isAuthorizationCheckEnabled()).thenReturn(true);
    when(context.getAuthentication()).thenReturn(new Authentication(user, List.of(groups)));
    Context.setCommandContext(context);
    return context;
  }
}
