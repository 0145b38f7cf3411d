package de.nrw.intervention.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * docs/CONFIGURATION.md must name every property our {@code @ConfigurationProperties} records
 * define, with its environment variable: a setting nobody can find is a setting nobody can change.
 */
class ConfigurationReferenceTest {

  private static final String ROOT_PACKAGE = "de.nrw.intervention";
  private static final Path REFERENCE = Path.of("docs/CONFIGURATION.md");

  @Test
  void everyConfigurationProperty_isInTheReference_withItsEnvironmentVariable() throws IOException {
    String reference = Files.readString(REFERENCE);
    List<String> properties = propertiesDefinedInCode();

    assertThat(properties).as("@ConfigurationProperties found under " + ROOT_PACKAGE).isNotEmpty()
        .contains("intervention.models.processes-dir", "intervention.operations.metrics-refresh-interval");
    assertThat(properties).allSatisfy(property -> {
      assertThat(reference).as("docs/CONFIGURATION.md names `%s`", property).contains("`" + property + "`");
      if (!property.contains("[")) {
        assertThat(reference).as("docs/CONFIGURATION.md names the variable of %s", property).contains("`" + envVar(property) + "`");
      }
    });
  }

  @Test
  void documentedEnvironmentVariableNames_bindToTheirProperties() {
    String property = "intervention.operations.metrics-refresh-interval";
    assertThat(kebab("metricsRefreshInterval")).isEqualTo("metrics-refresh-interval");
    assertThat(envVar(property)).isEqualTo("INTERVENTION_OPERATIONS_METRICS_REFRESH_INTERVAL");

    Binder binder = new Binder(ConfigurationPropertySources.from(
        new SystemEnvironmentPropertySource("env", Map.<String, Object>of(envVar(property), "5s"))));

    assertThat(binder.bind(property, Duration.class).get()).isEqualTo(Duration.ofSeconds(5));
  }

  static List<String> propertiesDefinedInCode() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return true;
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    List<String> properties = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(ROOT_PACKAGE)) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ConfigurationReferenceTest.class.getClassLoader());
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      assertThat(type.isRecord()).as("%s: configuration is typed as a record (STYLE.md)", type.getName()).isTrue();
      collect(prefix, type, properties);
    }
    return properties;
  }

  private static void collect(String prefix, Class<?> record, List<String> properties) {
    for (RecordComponent component : record.getRecordComponents()) {
      String name = prefix + "." + kebab(component.getName());
      properties.add(name);
      Class<?> element = elementType(component);
      if (element != null && element.isRecord() && element.getPackageName().startsWith(ROOT_PACKAGE)) {
        boolean many = Collection.class.isAssignableFrom(component.getType());
        collect(name + (many ? "[n]" : ""), element, properties);
      }
    }
  }

  private static Class<?> elementType(RecordComponent component) {
    if (Collection.class.isAssignableFrom(component.getType())
        && component.getGenericType() instanceof ParameterizedType parameterized) {
      Type argument = parameterized.getActualTypeArguments()[0];
      return argument instanceof Class<?> type ? type : null;
    }
    return component.getType();
  }

  static String kebab(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  static String envVar(String property) {
    // Spring's canonical form drops the dashes (..._PROCESSESDIR); it also binds the dashes-as-underscores
    // form, which is easier to read and what this project documents (see the test above).
    return property.replace(".", "_").replace("-", "_").toUpperCase(Locale.ROOT);
  }
}
