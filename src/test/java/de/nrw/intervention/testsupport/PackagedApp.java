package de.nrw.intervention.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What tests and benchmarks need to run the packaged jar as a process of its own, as an operator does. */
public final class PackagedApp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private PackagedApp() {
  }

  /** The jar built by the package phase. */
  public static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(path -> path.getFileName().toString().matches("interagency-intervention-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No packaged jar in target/; the package phase builds it"));
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** HTTP status of a GET, or -1 while nothing answers (e.g. during startup). */
  public static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
