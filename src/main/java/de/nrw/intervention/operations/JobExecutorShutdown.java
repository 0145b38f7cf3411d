package de.nrw.intervention.operations;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * First thing on shutdown: the job executor stops acquiring jobs, and jobs already running get
 * {@code intervention.operations.job-drain-timeout} to finish while the engine and the database are
 * still there.
 *
 * <p>Without this, the job threads are interrupted when their thread pool is destroyed and, worse,
 * jobs acquired in the last moment are rejected by the closing pool: both stay locked (owned by this
 * node) until {@code camunda.bpm.job-execution.lock-time-in-millis} passes, and only then does any
 * node run them again. That lock time stays the upper bound for a job left behind by a killed process.
 */
class JobExecutorShutdown implements ApplicationListener<ContextClosedEvent>, Ordered {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final ApplicationContext context;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final OperationsProperties properties;

  JobExecutorShutdown(ApplicationContext context, ProcessEngineConfigurationImpl engineConfiguration,
      OperationsProperties properties) {
    this.context = context;
    this.engineConfiguration = engineConfiguration;
    this.properties = properties;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
    if (event.getApplicationContext() != context || jobExecutor == null) {
      return;
    }
    jobExecutor.shutdown();
    log.info("Job executor stopped acquiring jobs; unfinished jobs become acquirable again after the lock time ({} ms)",
        jobExecutor.getLockTimeInMillis());
    if (jobExecutor instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
      drain(pool.getThreadPoolExecutor());
    }
  }

  private void drain(ThreadPoolExecutor pool) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(properties.jobDrainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} job(s) still running after {}; they are retried after their lock time",
            pool.getActiveCount(), properties.jobDrainTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public int getOrder() {
    // Before the job threads' pool reacts to the same event by refusing new work.
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
