package de.nrw.intervention.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Aggregate queries over the engine's runtime tables: one grouped query per figure, so the cost
 * depends on the number of open tasks, not on a scrape or on one query per process.
 *
 * <p>Plain SQL because the engine's query API can count but not group; the tables and columns used
 * are part of Camunda 7's documented database schema. The grouping expressions repeat the select's
 * literally (no bind parameters in them): PostgreSQL only accepts a grouped expression it can match.
 */
class EngineStatistics {

  record TaskCount(String process, String candidateGroup, long open, long overdue) {
  }

  record IncidentCount(String process, String incidentType, long open) {
  }

  /** Tag value for tasks no agency group is a candidate for (assigned to a person only). */
  static final String NO_GROUP = "none";

  private final JdbcTemplate jdbc;
  private final String prefix;
  private final Clock clock;

  EngineStatistics(DataSource dataSource, String tablePrefix, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.prefix = tablePrefix == null ? "" : tablePrefix;
    this.clock = clock;
  }

  /** Open tasks per process and candidate group; a task with two candidate groups counts for each. */
  List<TaskCount> tasks() {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.query("""
        SELECT d.KEY_ AS process, COALESCE(l.GROUP_ID_, '%2$s') AS candidate_group, COUNT(*) AS open_tasks,
               SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END) AS overdue_tasks
        FROM %1$sACT_RU_TASK t
        JOIN %1$sACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
        LEFT JOIN %1$sACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
        GROUP BY d.KEY_, COALESCE(l.GROUP_ID_, '%2$s')
        """.formatted(prefix, NO_GROUP),
        (row, i) -> new TaskCount(row.getString("process"), row.getString("candidate_group"),
            row.getLong("open_tasks"), row.getLong("overdue_tasks")),
        now);
  }

  List<IncidentCount> incidents() {
    return jdbc.query("""
        SELECT COALESCE(d.KEY_, '%2$s') AS process, i.INCIDENT_TYPE_ AS incident_type, COUNT(*) AS open_incidents
        FROM %1$sACT_RU_INCIDENT i
        LEFT JOIN %1$sACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_
        GROUP BY COALESCE(d.KEY_, '%2$s'), i.INCIDENT_TYPE_
        """.formatted(prefix, NO_GROUP),
        (row, i) -> new IncidentCount(row.getString("process"), row.getString("incident_type"), row.getLong("open_incidents")));
  }

  /**
   * Jobs the job executor could pick up right now: due, retries left, not suspended, not locked by a
   * running executor. A number that keeps growing means the executor falls behind or stopped.
   */
  long acquirableJobs() {
    Timestamp now = Timestamp.from(clock.instant());
    Long count = jdbc.queryForObject("""
        SELECT COUNT(*) FROM %sACT_RU_JOB
        WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
          AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)
          AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ <= ?)
        """.formatted(prefix), Long.class, now, now);
    return count == null ? 0 : count;
  }

  List<String> processKeys() {
    return jdbc.queryForList("SELECT DISTINCT KEY_ FROM %sACT_RE_PROCDEF".formatted(prefix), String.class);
  }
}
