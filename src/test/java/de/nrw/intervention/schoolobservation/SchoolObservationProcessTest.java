package de.nrw.intervention.schoolobservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.nrw.intervention.casefile.CaseReferenceListener;
import de.nrw.intervention.schoolobservation.SchoolObservation.Elements;
import de.nrw.intervention.schoolobservation.SchoolObservation.Variables;
import de.nrw.intervention.testsupport.CallActivities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The neutral school observation on its own, and every model that calls it. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"school-observation.bpmn", "district-routing.dmn", "observe-child.form"})
class SchoolObservationProcessTest {

  private static final Instant NOW = Instant.parse("2026-03-11T09:00:00Z");

  ProcessEngine processEngine;

  @BeforeEach
  void registerBeansAndFreezeClock() {
    Mocks.register("caseReferenceListener", new CaseReferenceListener());
    Mocks.register("nameObservedChildListener", new NameObservedChildListener());
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void request_givesTheDistrictsSchoolOneTaskNamingTheChild_reportEndsIt() throws IOException {
    ProcessInstance observation = processEngine.getRuntimeService().createProcessInstanceByKey(SchoolObservation.PROCESS_KEY)
        .businessKey("BN-2026-000815")
        .setVariable(Variables.CASE_REFERENCE, "BN-2026-000815")
        .setVariable(Variables.DISTRICT, "bonn")
        .setVariable(Variables.PERIOD, "P14D")
        .setVariable(Variables.CHILD_FIRST_NAME, "Lena")
        .setVariable(Variables.CHILD_AGE_AND_CLASS, "9 Jahre, Klasse 3b")
        .setVariable(Variables.REQUEST, "Anwesenheit und Verhalten nach den Ferien")
        .execute();

    assertThat(observation).isWaitingAtExactly(Elements.OBSERVE_CHILD);
    assertThat(task(observation)).hasCandidateGroup("schoolBonn").hasName("Kind beobachten: Lena (9 Jahre, Klasse 3b)")
        .hasDescription("Das Jugendamt bittet Sie, Lena (9 Jahre, Klasse 3b) zu beobachten und zu berichten.")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    try (InputStream form = processEngine.getFormService().getDeployedTaskForm(task(observation).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"" + SchoolObservation.FORM + "\"");
    }
    assertThat(processEngine.getRepositoryService().getProcessDefinition(observation.getProcessDefinitionId()).getName())
        .as("what Tasklist shows the school as the task's process").isEqualTo("Beobachtung in der Schule");

    complete(task(observation), withVariables(Variables.CONCERNS_OBSERVED, true, Variables.REPORT, "Wirkt müde."));

    assertThat(observation).isEnded().hasPassed(Elements.OBSERVATION_REPORTED);
  }

  @Test
  void everyCaller_passesOnlyTheDataMinimisedVariables_andGetsTheReportBack() {
    List<CallActivity> calls = CallActivities.calling(SchoolObservation.PROCESS_KEY);

    assertThat(calls).as("the domestic-violence process calls it").isNotEmpty();
    for (CallActivity call : calls) {
      List<CamundaIn> ins = CallActivities.ins(call);
      List<CamundaOut> outs = CallActivities.outs(call);
      assertThat(ins).as(call.getId() + ": never all variables").noneMatch(in -> "all".equals(in.getCamundaVariables()));
      assertThat(ins.stream().map(CamundaIn::getCamundaSource).filter(Objects::nonNull))
          .as(call.getId() + " passes in").containsExactlyInAnyOrderElementsOf(Variables.IN);
      assertThat(ins.stream().map(CamundaIn::getCamundaTarget).filter(Objects::nonNull))
          .as(call.getId() + ": same names inside").containsExactlyInAnyOrderElementsOf(Variables.IN);
      assertThat(ins).as(call.getId() + ": the case's business key")
          .anyMatch(in -> in.getCamundaBusinessKey() != null);
      assertThat(outs.stream().map(CamundaOut::getCamundaSource))
          .as(call.getId() + " gets back").containsExactlyInAnyOrderElementsOf(Variables.OUT);
    }
  }
}
