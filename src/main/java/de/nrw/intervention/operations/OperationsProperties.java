package de.nrw.intervention.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings: how fresh the database-backed gauges are, how often the mail server is
 * probed and how long shutdown waits for running jobs.
 *
 * @param metricsRefreshInterval how often the task, incident and job gauges are recomputed; a
 *     scrape between two refreshes reads the cached values, so scrape frequency never adds queries
 * @param mailHealthCacheTime how long one SMTP connection test answers the mail health check; the
 *     container HEALTHCHECK and probes would otherwise open a connection to the mail server each time
 * @param jobDrainTimeout how long shutdown waits for jobs already running after the job executor
 *     stopped acquiring; jobs still running then stay locked until their lock time expires
 */
@ConfigurationProperties("intervention.operations")
record OperationsProperties(
    @DefaultValue("30s") Duration metricsRefreshInterval,
    @DefaultValue("60s") Duration mailHealthCacheTime,
    @DefaultValue("20s") Duration jobDrainTimeout) {
}
