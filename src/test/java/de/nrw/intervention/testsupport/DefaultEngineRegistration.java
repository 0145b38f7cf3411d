package de.nrw.intervention.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before each Spring test class: its context's engine becomes the "default" of Camunda's static engine registry.
 * REST and the web apps look the engine up there, by name, and every test context's engine is named "default": the
 * last context started wins, and a context closed after its class ({@code @DirtiesContext}) takes the entry with it.
 * A test class on a cached context started earlier (the security ITs share one) then reached another context's
 * engine, or none ("Process engine default not available"). One JVM holds many contexts only in tests.
 */
public class DefaultEngineRegistration extends AbstractTestExecutionListener {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
