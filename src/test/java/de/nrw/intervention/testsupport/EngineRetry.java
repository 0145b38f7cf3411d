package de.nrw.intervention.testsupport;

import org.camunda.bpm.engine.OptimisticLockingException;

/** Test clean-up that meets the job executor: a case's reminder jobs may change it at the same moment. */
public final class EngineRetry {

  private static final int ATTEMPTS = 5;

  private EngineRetry() {
  }

  /** Runs the action, again after an optimistic-locking conflict, up to five times 200 ms apart. */
  public static void onConflict(Runnable action) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        action.run();
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
