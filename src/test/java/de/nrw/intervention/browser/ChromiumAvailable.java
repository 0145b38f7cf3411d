package de.nrw.intervention.browser;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's Chromium; Playwright may not download a browser here. Without it they are skipped
 * with one line on the console (not silently), so a developer sees how to enable them.
 */
class ChromiumAvailable implements ExecutionCondition {

  /** {@code -Dbrowser.executable=...} points the tests at another Chromium build. */
  static final Path CHROMIUM = Path.of(System.getProperty("browser.executable", "/usr/bin/chromium"));

  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isExecutable(CHROMIUM)) {
      return ConditionEvaluationResult.enabled(CHROMIUM + " found");
    }
    String reason = "Browser tests skipped: " + CHROMIUM + " not found — apt-get install chromium";
    if (REPORTED.compareAndSet(false, true)) {
      // The JVM's own stderr, not System.err: failsafe files away test output, but shows this on the console.
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println(reason);
    }
    return ConditionEvaluationResult.disabled(reason);
  }
}
