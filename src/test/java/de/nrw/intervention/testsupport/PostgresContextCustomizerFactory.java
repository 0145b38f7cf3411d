package de.nrw.intervention.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * When the system property {@code intervention.test.database=postgres} is set (failsafe sets it), every
 * Spring test context gets its own database on the embedded PostgreSQL server, unless marked {@link UseH2}.
 */
class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

  static final String PROPERTY = "intervention.test.database";

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    if (!"postgres".equals(System.getProperty(PROPERTY)) || AnnotatedElementUtils.hasAnnotation(testClass, UseH2.class)) {
      return null;
    }
    return new PostgresContextCustomizer();
  }

  private static final class PostgresContextCustomizer implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres", Map.of(
          "spring.datasource.url", TestPostgres.newDatabase(),
          "spring.datasource.username", TestPostgres.USER,
          "spring.datasource.password", "")));
    }

    // Contexts with the same configuration share one database through Spring's context cache.
    @Override
    public boolean equals(Object other) {
      return other instanceof PostgresContextCustomizer;
    }

    @Override
    public int hashCode() {
      return PostgresContextCustomizer.class.hashCode();
    }
  }
}
