package de.nrw.intervention.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.testsupport.SharedRouting;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** Retention (history time to live + cleanup) and deleting one case's data on request (GDPR Art. 17). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // No job executor: the test runs the cleanup job itself (so readiness cannot include the executor here).
    properties = {"camunda.bpm.job-execution.enabled=false",
        "management.endpoint.health.group.readiness.include=readinessState,db,processEngine"})
@ActiveProfiles({"demo", "test"})
class CaseRetentionIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine processEngine;

  @BeforeEach
  void deployRouting() {
    SharedRouting.deploy(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void historyCleanup_removesEndedCasesOlderThanTheirTimeToLive_keepsYoungerOnes() {
    // fixture-case has historyTimeToLive P1D
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
    String old = runCaseToEnd("KOE-RET-OLD");
    ClockUtil.reset();
    String young = runCaseToEnd("KOE-RET-YOUNG");

    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(young).count()).isOne();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(young).count()).isPositive();
  }

  @Test
  void administrator_deletesOneCaseCompletely_otherCasesStay() {
    String running = runtimeService.startProcessInstanceByKey("fixture-case", "KOE-GDPR-1",
        Map.of("caseReference", "KOE-GDPR-1", "district", "koeln", "reviewNote", "personal detail")).getId();
    String other = runCaseToEnd("KOE-GDPR-OTHER");

    TestRestTemplate admin = rest.withBasicAuth("demo", "demo");
    assertThat(admin.exchange("/engine-rest/process-instance/" + running + "?skipCustomListeners=true",
        HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(admin.exchange("/engine-rest/history/process-instance/" + running,
        HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(running).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(running).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(running).count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(running).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(other).count()).isOne();
  }

  @Test
  void caseworker_cannotDeleteACase() {
    String id = runtimeService.startProcessInstanceByKey("fixture-case", "KOE-GDPR-2",
        Map.of("caseReference", "KOE-GDPR-2", "district", "koeln")).getId();

    assertThat(rest.withBasicAuth("officer", "demo").exchange("/engine-rest/process-instance/" + id,
        HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isOne();
  }

  private String runCaseToEnd(String reference) {
    String id = runtimeService.startProcessInstanceByKey("fixture-case", reference,
        Map.of("caseReference", reference, "district", "koeln", "urgent", true)).getId();
    String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
    taskService.complete(task, Map.of("reviewNote", "done"));
    return id;
  }
}
