package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sent-mail record on H2 (the ITs run it on PostgreSQL): what a retried job reads, and when rows go. */
class SentRemindersTest {

  private static final DeadlineJobConfiguration REMINDER =
      new DeadlineJobConfiguration(DeadlineKind.REMINDER, "task-1", 1_780_000_000_000L);
  private static final DeadlineJobConfiguration ESCALATION =
      new DeadlineJobConfiguration(DeadlineKind.ESCALATION, "task-1", 1_780_000_000_000L);

  private JdbcDataSource database;
  private Connection keepAlive;
  private SentReminders record;

  @BeforeEach
  void setUp() throws SQLException {
    database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:sent-reminders-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    keepAlive = database.getConnection();
    try (Statement statement = keepAlive.createStatement()) {
      // The two columns of the engine's job table the orphan sweep reads.
      statement.execute("CREATE TABLE ACT_RU_JOB (ID_ VARCHAR(64), HANDLER_TYPE_ VARCHAR(255), HANDLER_CFG_ VARCHAR(4000))");
    }
    record = new SentReminders(database, "", Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
    record.createTable();
  }

  @AfterEach
  void tearDown() throws SQLException {
    keepAlive.close();
  }

  @Test
  void createTable_twice_keepsTheRecords() throws SQLException {
    send(REMINDER, "a@example.org");

    record.createTable();

    assertThat(notYetSent(REMINDER, "a@example.org")).isEmpty();
  }

  @Test
  void recordedRecipient_isSkipped_othersAndOtherJobsAreNot() throws SQLException {
    send(REMINDER, "a@example.org", "b@example.org");

    assertThat(notYetSent(REMINDER, "a@example.org", "B@Example.org ", "c@example.org")).containsExactly("c@example.org");
    assertThat(notYetSent(ESCALATION, "a@example.org")).containsExactly("a@example.org");
    assertThat(notYetSent(new DeadlineJobConfiguration(DeadlineKind.REMINDER, "task-1", REMINDER.dueEpochMillis() + 60_000),
        "a@example.org")).as("a new due date is a new reminder").containsExactly("a@example.org");
  }

  @Test
  void preparedButNotCommitted_recordsNothing() throws SQLException {
    record.prepare(REMINDER, List.of("a@example.org")).close();

    assertThat(notYetSent(REMINDER, "a@example.org")).containsExactly("a@example.org");
  }

  @Test
  void forget_deletesTheJobsRecordsOnly() throws SQLException {
    send(REMINDER, "a@example.org");
    send(ESCALATION, "a@example.org");

    try (Connection transaction = database.getConnection()) {
      record.forget(transaction, REMINDER);
    }

    assertThat(notYetSent(REMINDER, "a@example.org")).containsExactly("a@example.org");
    assertThat(notYetSent(ESCALATION, "a@example.org")).isEmpty();
  }

  @Test
  void deleteOrphans_keepsRecordsWhoseJobStillExists() throws SQLException {
    send(REMINDER, "a@example.org");
    send(ESCALATION, "a@example.org");
    try (Statement statement = keepAlive.createStatement()) {
      statement.execute("INSERT INTO ACT_RU_JOB VALUES ('job-1', '" + DeadlineJobHandler.TYPE + "', '"
          + ESCALATION.toCanonicalString() + "')");
    }

    assertThat(record.deleteOrphans()).isEqualTo(1);

    assertThat(notYetSent(REMINDER, "a@example.org")).containsExactly("a@example.org");
    assertThat(notYetSent(ESCALATION, "a@example.org")).isEmpty();
  }

  @Test
  void recipients_areStoredAsHashes_neverAsAddresses() throws SQLException {
    send(REMINDER, "officer@polizei-koeln.example");

    try (Statement statement = keepAlive.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM " + SentReminders.TABLE)) {
      assertThat(rows.next()).isTrue();
      for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
        assertThat(String.valueOf(rows.getObject(column))).doesNotContain("officer", "polizei");
      }
      assertThat(rows.getString("RECIPIENT_SHA256")).hasSize(64)
          .isNotEqualTo(SentReminders.hash("task-2", "officer@polizei-koeln.example"));
    }
  }

  @Test
  void createStatement_isTheOneDocumentedForDbas() throws IOException {
    String docs = Files.readString(Path.of("docs/REMINDERS.md")).replaceAll("\\s+", " ");

    assertThat(docs).contains(record.createStatement());
  }

  private void send(DeadlineJobConfiguration job, String... addresses) throws SQLException {
    try (SentReminders.Pending pending = record.prepare(job, List.of(addresses))) {
      pending.commit();
    }
  }

  private List<String> notYetSent(DeadlineJobConfiguration job, String... addresses) throws SQLException {
    try (Connection transaction = database.getConnection()) {
      return record.notYetSent(transaction, job, List.of(addresses));
    }
  }
}
