package de.nrw.intervention.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class CustomPlansOnPostgresTest {

  private final CustomPlansOnPostgres postProcessor = new CustomPlansOnPostgres();

  @Test
  void aPostgresPoolPlansEveryStatementForItsParameters() {
    HikariDataSource pool = pool("jdbc:postgresql://db:5432/intervention");

    postProcessor.postProcessBeforeInitialization(pool, "dataSource");

    assertThat(pool.getConnectionInitSql()).isEqualTo("SET plan_cache_mode = force_custom_plan");
  }

  @Test
  void otherDatabasesAndAnOperatorsOwnInitStatementAreLeftAlone() {
    HikariDataSource h2 = pool("jdbc:h2:file:./data/intervention");
    HikariDataSource own = pool("jdbc:postgresql://db:5432/intervention");
    own.setConnectionInitSql("SET search_path = intervention");

    postProcessor.postProcessBeforeInitialization(h2, "dataSource");
    postProcessor.postProcessBeforeInitialization(own, "dataSource");

    assertThat(h2.getConnectionInitSql()).isNull();
    assertThat(own.getConnectionInitSql()).isEqualTo("SET search_path = intervention");
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
