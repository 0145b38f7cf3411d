package de.nrw.intervention.inbox;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Every PostgreSQL connection of the pool plans each statement for its parameters
 * ({@code plan_cache_mode = force_custom_plan}, PostgreSQL 12 or later).
 *
 * <p>Why: the JDBC driver prepares a statement on the server from its fifth use, and PostgreSQL may then reuse one
 * plan for any parameters. For the inbox page that plan does not know the page has 15 rows ({@code LIMIT ?}), so it
 * sorts every visible task and checks each one's grants: p50 259 ms instead of under 5 ms at 10,000 open tasks
 * (BENCHMARKS.md). Planning these statements costs 1-3 ms; reading the wrong plan costs 100 times that. An operator's
 * own {@code spring.datasource.hikari.connection-init-sql} is left as it is.
 */
final class CustomPlansOnPostgres implements BeanPostProcessor {

  static final String SETTING = "SET plan_cache_mode = force_custom_plan";
  private static final Logger LOG = LoggerFactory.getLogger(CustomPlansOnPostgres.class);

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(SETTING);
      LOG.debug("PostgreSQL pool {}: {}", beanName, SETTING);
    }
    return bean;
  }
}
