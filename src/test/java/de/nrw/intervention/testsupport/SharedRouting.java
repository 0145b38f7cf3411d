package de.nrw.intervention.testsupport;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * The routing table is shared by all processes and lives in processes/, not in the fixture folders the test
 * profiles deploy; every case start looks its district up there, so tests that start fixture cases deploy it.
 */
public final class SharedRouting {

  private SharedRouting() { }

  /** Idempotent: a second call in the same context deploys nothing. */
  public static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name("routing").enableDuplicateFiltering(true)
        .addClasspathResource("district-routing.dmn").deploy();
  }
}
