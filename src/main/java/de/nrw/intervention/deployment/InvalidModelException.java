package de.nrw.intervention.deployment;

import java.nio.file.Path;

/** A model file that would break cases if deployed; the message names the file and the problem. */
public class InvalidModelException extends RuntimeException {

  private final Path file;

  InvalidModelException(Path file, String problem) {
    this(file, problem, null);
  }

  InvalidModelException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public Path getFile() {
    return file;
  }
}
