package de.nrw.intervention.reminder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sent-mail record (table {@value #TABLE}, docs/REMINDERS.md "Sent-mail record"): which recipients a deadline
 * job's mail reached. Written on a connection of its own, committed right after the mail server accepted the mail, so
 * it survives when the job's own transaction does not (node killed, database gone at the job's commit). A retried job
 * reads it and skips the recipients already reached.
 *
 * <p>A record lives only as long as its job: the job's transaction deletes it when it commits, the planner when it
 * deletes the job. Recipients are stored as SHA-256 of task id and address, never the address itself.
 */
class SentReminders {

  static final String TABLE = "INTERVENTION_SENT_REMINDER";

  private static final Logger LOG = LoggerFactory.getLogger(SentReminders.class);

  private final DataSource ownConnections;
  private final String table;
  private final String jobTable;
  private final Clock clock;

  /**
   * @param ownConnections the application's pool itself, not the engine's transaction-aware proxy: a record must be
   *                       committed on a connection outside the job's transaction
   * @param tablePrefix    the engine's table prefix ({@code camunda.bpm.database.table-prefix}), also used for ours
   */
  SentReminders(DataSource ownConnections, String tablePrefix, Clock clock) {
    this.ownConnections = ownConnections;
    String prefix = tablePrefix == null ? "" : tablePrefix;
    this.table = prefix + TABLE;
    this.jobTable = prefix + "ACT_RU_JOB";
    this.clock = clock;
  }

  /**
   * Creates the table unless it exists; checked by reading it, so a database user without CREATE rights works too
   * once a DBA created it (docs/REMINDERS.md has the statement).
   */
  void createTable() throws SQLException {
    try (Connection connection = ownConnections.getConnection()) {
      connection.setAutoCommit(true);
      if (!exists(connection)) {
        create(connection);
      }
    }
  }

  private void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createStatement());
      LOG.info("Created the sent-reminder table {}", table);
    } catch (SQLException e) {
      if (!exists(connection)) { // else another node created it in the same moment
        throw e;
      }
    }
  }

  /** docs/REMINDERS.md prints it for DBAs (SentRemindersTest keeps the two equal). */
  String createStatement() {
    return "CREATE TABLE " + table + " (TASK_ID VARCHAR(64) NOT NULL, DEADLINE_KIND VARCHAR(16) NOT NULL, "
        + "DUE_EPOCH_MS BIGINT NOT NULL, RECIPIENT_SHA256 CHAR(64) NOT NULL, SENT_AT TIMESTAMP NOT NULL, "
        + "PRIMARY KEY (TASK_ID, DEADLINE_KIND, DUE_EPOCH_MS, RECIPIENT_SHA256))";
  }

  private boolean exists(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Deletes records whose job no longer exists: left when a job was deleted by a path that bypasses the planner (a
   * case cancelled with "skip custom listeners"). Run at every start of a node.
   */
  int deleteOrphans() throws SQLException {
    try (Connection connection = ownConnections.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      return statement.executeUpdate("DELETE FROM " + table + " R WHERE NOT EXISTS (SELECT 1 FROM " + jobTable
          + " J WHERE J.HANDLER_TYPE_ = '" + DeadlineJobHandler.TYPE + "'"
          + " AND J.HANDLER_CFG_ = R.DEADLINE_KIND || '|' || R.TASK_ID || '|' || R.DUE_EPOCH_MS)");
    }
  }

  /** The addresses among {@code addresses} that no earlier attempt of this job has reached. */
  List<String> notYetSent(Connection transaction, DeadlineJobConfiguration job, List<String> addresses)
      throws SQLException {
    Set<String> recorded = new HashSet<>();
    try (PreparedStatement select = transaction.prepareStatement("SELECT RECIPIENT_SHA256 FROM " + table
        + " WHERE TASK_ID = ? AND DEADLINE_KIND = ? AND DUE_EPOCH_MS = ?")) {
      bindJob(select, job);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          recorded.add(rows.getString(1));
        }
      }
    }
    if (recorded.isEmpty()) {
      return addresses;
    }
    List<String> open = new ArrayList<>();
    for (String address : addresses) {
      if (!recorded.contains(hash(job.taskId(), address))) {
        open.add(address);
      }
    }
    return open;
  }

  /**
   * Takes a connection and prepares the record before the mail goes out, so that after the server's acceptance only
   * the statement itself remains to be sent: that is the window in which a killed node leaves no record. Fails (and
   * so fails the job before anything was sent) when the database gives no connection.
   */
  Pending prepare(DeadlineJobConfiguration job, List<String> addresses) throws SQLException {
    Connection connection = ownConnections.getConnection();
    try {
      connection.setAutoCommit(true);
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(table)
          .append(" (TASK_ID, DEADLINE_KIND, DUE_EPOCH_MS, RECIPIENT_SHA256, SENT_AT) VALUES ");
      for (int i = 0; i < addresses.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
      }
      PreparedStatement insert = connection.prepareStatement(sql.toString());
      int parameter = 1;
      Timestamp now = Timestamp.from(clock.instant());
      for (String address : addresses) {
        insert.setString(parameter++, job.taskId());
        insert.setString(parameter++, job.kind().name());
        insert.setLong(parameter++, job.dueEpochMillis());
        insert.setString(parameter++, hash(job.taskId(), address));
        insert.setTimestamp(parameter++, now);
      }
      return new Pending(connection, insert, job);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Deletes the job's records, in the transaction that deletes the job (run or cancelled). */
  void forget(Connection transaction, DeadlineJobConfiguration job) throws SQLException {
    try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM " + table
        + " WHERE TASK_ID = ? AND DEADLINE_KIND = ? AND DUE_EPOCH_MS = ?")) {
      bindJob(delete, job);
      delete.executeUpdate();
    }
  }

  private static void bindJob(PreparedStatement statement, DeadlineJobConfiguration job) throws SQLException {
    statement.setString(1, job.taskId());
    statement.setString(2, job.kind().name());
    statement.setLong(3, job.dueEpochMillis());
  }

  /**
   * The task id salts the hash, so one person's rows cannot be linked across tasks by the hash alone. An address is
   * guessable, so this is pseudonymisation, not anonymisation; a record lives only until its job ends.
   */
  static String hash(String taskId, String address) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest((taskId + "\n" + address.strip().toLowerCase(Locale.ROOT))
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** A prepared record: {@link #commit()} after the mail server accepted, {@link #close()} in every case. */
  static final class Pending implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;
    private final DeadlineJobConfiguration job;

    private Pending(Connection connection, PreparedStatement insert, DeadlineJobConfiguration job) {
      this.connection = connection;
      this.insert = insert;
      this.job = job;
    }

    /**
     * Never throws: the mail is out, and failing the job now would send it again for certain. Without a record the
     * job's own commit decides, as before there was a record.
     */
    void commit() {
      try {
        insert.executeUpdate();
      } catch (SQLException e) {
        LOG.warn("{} for task {} was sent but could not be recorded ({}); should this job's transaction fail too, "
            + "the mail goes out again", job.kind(), job.taskId(), e.getMessage());
      }
    }

    @Override
    public void close() {
      try {
        connection.close(); // closes the statement too
      } catch (SQLException e) {
        LOG.debug("Closing the record connection failed: {}", e.getMessage());
      }
    }
  }
}
