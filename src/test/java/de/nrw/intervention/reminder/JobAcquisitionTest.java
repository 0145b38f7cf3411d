package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.testsupport.StandaloneEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JobAcquisition} on H2 and a real PostgreSQL: the acquisition reads the due jobs through the due-date index
 * (the plan of the engine's own statement with the engine's parameters), earliest first; jobs without due date from
 * before are dated at startup, a job written without one is due at once, and removing a due date means "now".
 */
class JobAcquisitionTest {

  private static final int FUTURE_JOBS = 20_000;
  private static final int DUE_JOBS = 20;

  private ProcessEngine engine;
  private ProcessEngineConfigurationImpl configuration;
  private String url;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @MethodSource("de.nrw.intervention.testsupport.StandaloneEngines#databases")
  void acquisitionReadsTheDueJobsThroughTheIndex_earliestFirst(String database) throws SQLException {
    start(database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    Instant now = Instant.now();
    try (Connection connection = configuration.getDataSource().getConnection()) {
      insertJobs(connection, "future-", FUTURE_JOBS, i -> now.plus(Duration.ofHours(1 + i % 5000)));
      // Due ones inserted last, at the end of the table, as after a batch of reminders fell due.
      insertJobs(connection, "due-", DUE_JOBS, i -> now.minus(Duration.ofMinutes(DUE_JOBS - i)));
      if (database.equals("postgres")) {
        try (Statement analyze = connection.createStatement()) {
          analyze.execute("ANALYZE ACT_RU_JOB");
        }
      }
      String plan = String.join("\n", explainAcquisition(connection, 8));
      if (database.equals("postgres")) {
        // A walk in due-date order that stops after the page: no bitmap of all due jobs, no sort, no table scan.
        assertThat(plan).containsPattern("(?<!Bitmap )Index Scan using " + JobAcquisition.DUE_INDEX.toLowerCase())
            .doesNotContain("Seq Scan on act_ru_job").doesNotContain("Sort");
      } else {
        assertThat(plan).containsIgnoringCase(JobAcquisition.DUE_INDEX);
      }
    }
    List<String> acquired = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getJobManager().findNextJobsToExecute(new Page(0, 8)).stream().map(AcquirableJobEntity::getId).toList());
    assertThat(acquired).containsExactly("due-0", "due-1", "due-2", "due-3", "due-4", "due-5", "due-6", "due-7");
  }

  @Test
  void jobsWithoutDueDateFromBeforeAreDatedAtStartupAndAcquired() throws SQLException {
    start("h2", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    try (Connection connection = configuration.getDataSource().getConnection()) {
      insertJobs(connection, "undated-", 3, i -> null);
    }
    engine.close();
    engine = null;
    start("h2", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE); // the next start of the same database
    List<Job> jobs = engine.getManagementService().createJobQuery().list();
    assertThat(jobs).hasSize(3).allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    List<String> acquired = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getJobManager().findNextJobsToExecute(new Page(0, 8)).stream().map(AcquirableJobEntity::getId).toList());
    assertThat(acquired).containsExactlyInAnyOrder("undated-0", "undated-1", "undated-2");
  }

  @Test
  void newMessageJobsGetADueDate_andRemovingOneMeansNow() {
    start("h2", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    engine.getRepositoryService().createDeployment().addModelInstance("async.bpmn",
        Bpmn.createExecutableProcess("async").startEvent().camundaAsyncAfter().endEvent().done()).deploy();
    engine.getRuntimeService().startProcessInstanceByKey("async");
    Job message = engine.getManagementService().createJobQuery().messages().singleResult();
    assertThat(message.getDuedate()).isNotNull();
    Date later = Date.from(Instant.now().plus(Duration.ofDays(1)));
    engine.getManagementService().setJobDuedate(message.getId(), later);

    Date before = new Date(System.currentTimeMillis() - 1000);
    engine.getManagementService().setJobDuedate(message.getId(), null);
    assertThat(engine.getManagementService().createJobQuery().jobId(message.getId()).singleResult().getDuedate())
        .isNotNull().isAfter(before).isBefore(later);
    List<String> acquired = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getJobManager().findNextJobsToExecute(new Page(0, 8)).stream().map(AcquirableJobEntity::getId).toList());
    assertThat(acquired).containsExactly(message.getId());
  }

  @Test
  void aJobWrittenWithoutDueDate_isDueAtOnce() {
    start("h2", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    Date before = ClockUtil.getCurrentTime();
    String id = configuration.getCommandExecutorTxRequired().execute(context -> {
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType("test-handler");
      context.getJobManager().send(job);
      return job.getId();
    });
    Job job = engine.getManagementService().createJobQuery().jobId(id).singleResult();
    assertThat(job.getDuedate()).isNotNull().isAfterOrEqualTo(before);
    List<String> acquired = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getJobManager().findNextJobsToExecute(new Page(0, 8)).stream().map(AcquirableJobEntity::getId).toList());
    assertThat(acquired).containsExactly(id);
  }

  private void start(String database, String schemaUpdate) {
    if (url == null) {
      url = StandaloneEngines.newDatabase(database, "job-acquisition");
    }
    StandaloneInMemProcessEngineConfiguration config = StandaloneEngines.configuration(url, "job-acquisition");
    config.setDatabaseSchemaUpdate(schemaUpdate);
    config.getProcessEnginePlugins().add(new JobAcquisition());
    engine = config.buildProcessEngine();
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private interface DueDate {
    Instant at(int i);
  }

  private static void insertJobs(Connection connection, String idPrefix, int count, DueDate due) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, "
        + "PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_, HANDLER_TYPE_, SUSPENSION_STATE_, PRIORITY_, CREATE_TIME_) "
        + "VALUES (?, 1, 'timer', TRUE, ?, 3, ?, 'test-handler', 1, 0, ?)")) {
      Timestamp created = new Timestamp(System.currentTimeMillis() - 60_000);
      for (int i = 0; i < count; i++) {
        insert.setString(1, idPrefix + i);
        insert.setString(2, "case-" + idPrefix + i);
        Instant at = due.at(i);
        insert.setTimestamp(3, at == null ? null : Timestamp.from(at));
        insert.setTimestamp(4, created);
        insert.addBatch();
        if (i % 1000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /**
   * The plan of the engine's statement {@code selectNextJobsToExecute}, bound by MyBatis with the parameters that
   * {@link JobManager#findNextJobsToExecute} gives it under this configuration.
   */
  private List<String> explainAcquisition(Connection connection, int maxJobs) throws SQLException {
    Map<String, Object> params = new HashMap<>();
    params.put("now", ClockUtil.getCurrentTime());
    params.put("alwaysSetDueDate", configuration.isEnsureJobDueDateNotNull());
    params.put("deploymentAware", configuration.isJobExecutorDeploymentAware());
    params.put("jobPriorityMin", null);
    params.put("jobPriorityMax", null);
    params.put("historyCleanupEnabled", configuration.isHistoryCleanupEnabled());
    List<Object> ordering = new ArrayList<>();
    if (configuration.isJobExecutorAcquireByDueDate()) {
      ordering.add(JobManager.JOB_DUEDATE_ORDERING_PROPERTY);
    }
    params.put("orderingProperties", ordering);
    params.put("applyOrdering", !ordering.isEmpty());
    params.put("applyExclusiveOverProcessHierarchies", configuration.isJobExecutorAcquireExclusiveOverProcessHierarchies());
    ListQueryParameterObject parameter = new ListQueryParameterObject(params, 0, maxJobs);
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    MappedStatement statement = sessions.getSqlSessionFactory().getConfiguration()
        .getMappedStatement(sessions.mapStatement("selectNextJobsToExecute"));
    BoundSql bound = statement.getBoundSql(parameter);
    List<String> plan = new ArrayList<>();
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + bound.getSql())) {
      new DefaultParameterHandler(statement, parameter, bound).setParameters(explain);
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.add(rows.getString(1));
        }
      }
    }
    return plan;
  }
}
