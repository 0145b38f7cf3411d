package de.nrw.intervention.browser;

import de.nrw.intervention.InterventionApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a caseworker meets it: demo profile, a file database and its own copy of the designers'
 * {@code processes/} and {@code forms/}. Started once for all browser test classes (one startup is the expensive
 * part of this suite) and restarted only by the designer scenario, which edits its model copy in between.
 */
final class RunningApp implements ExtensionContext.Store.CloseableResource {

  private static final Path HOME = Path.of("target/browser-app");

  private final Path processes = HOME.resolve("processes");
  private final Path forms = HOME.resolve("forms");
  private final Path database = HOME.resolve("db/intervention");
  private final Path mails = HOME.resolve("mail");
  private ConfigurableApplicationContext context;

  private RunningApp() {
    deleteRecursively(HOME);
    copyFolder(Path.of("processes"), processes);
    copyFolder(Path.of("forms"), forms);
    start();
  }

  /** Starts the app on first use; every browser test class shares it. */
  static RunningApp get(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(RunningApp.class, key -> new RunningApp(), RunningApp.class);
  }

  String baseUrl() {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** What a designer does: edit a file in {@code processes/}, then restart the app on the same database. */
  void changeProcessModelAndRestart(String file, UnaryOperator<String> change) {
    context.close();
    Path model = processes.resolve(file);
    try {
      Files.writeString(model, change.apply(Files.readString(model)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  @Override
  public void close() {
    context.close();
  }

  /** Tasklist as the reminder mails link it: the base URL of the app as it runs now. */
  String tasklistUrl() {
    return baseUrl() + "/camunda/app/tasklist/default";
  }

  private void start() {
    // Ports chosen here, not by Tomcat (port 0): the mails must link the port the app listens on, and the demo
    // SMTP server must not meet another developer's demo app on the default port 2525.
    int port = freePort();
    context = new SpringApplicationBuilder(InterventionApplication.class).profiles("demo").run(
        "--server.port=" + port,
        "--spring.mail.port=" + freePort(),
        "--intervention.reminders.tasklist-base-url=http://localhost:" + port + "/camunda/app/tasklist/default",
        "--intervention.reminders.demo-mail.directory=" + mails.toAbsolutePath(),
        "--spring.datasource.url=jdbc:h2:file:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
        "--intervention.models.processes-dir=" + processes.toAbsolutePath(),
        "--intervention.models.forms-dir=" + forms.toAbsolutePath());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyFolder(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers the shared app before a browser test class runs, so its startup is not counted against a test. */
  static final class Extension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      get(context);
    }
  }
}
