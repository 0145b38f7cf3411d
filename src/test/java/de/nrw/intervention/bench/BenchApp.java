package de.nrw.intervention.bench;

import de.nrw.intervention.testsupport.PackagedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar in its own JVM, as an operator runs it; measures time to ready, heap and RSS. */
final class BenchApp implements AutoCloseable {


  final String name;
  final int port;
  final Process process;
  final long startedNanos;
  long readyMillis = -1;

  private BenchApp(String name, int port, Process process, long startedNanos) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.startedNanos = startedNanos;
  }

  static BenchApp start(String name, String jdbcUrl, String user, int smtpPort, List<String> extraArgs) throws IOException {
    int port = PackagedApp.freePort();
    Path logs = Files.createDirectories(Path.of("target", "bench"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // Split on whitespace, so JVM options such as a flight recording can ride along with the heap size.
    command.addAll(List.of(System.getProperty("bench.app.xmx", "-Xmx1g").trim().split("\\s+")));
    command.addAll(List.of("-jar", PackagedApp.jar().toString(),
        "--server.port=" + port,
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--intervention.reminders.demo-mail.enabled=false",
        "--intervention.models.processes-dir=" + Path.of("processes").toAbsolutePath(),
        "--intervention.models.forms-dir=" + Path.of("forms").toAbsolutePath()));
    command.addAll(extraArgs);
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    return new BenchApp(name, port, process, started);
  }

  BenchApp awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " died during startup; see target/bench/" + name + ".log");
      }
      if (status("/actuator/health/readiness") == 200) {
        readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        return this;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " not ready within 4 minutes");
  }

  String base() {
    return "http://localhost:" + port;
  }

  int status(String path) {
    return PackagedApp.status(base() + path);
  }

  /** Resident set size of the JVM in MiB, from /proc. */
  double rssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return -1;
  }

  /** Runs a full GC in the app (jcmd), so "heap used" is the live set rather than garbage not yet collected. */
  void gc() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(process.pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    jcmd.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }

}
