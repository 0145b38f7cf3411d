package de.nrw.intervention.priority;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The task-priority plugin with the rules of {@code application.yaml}, for the process tests' engine
 * ({@code camunda.cfg.xml}): the tests check the configured mapping, not a copy of it.
 */
public class ConfiguredTaskPriorityPlugin extends TaskPriorityEnginePlugin {

  public ConfiguredTaskPriorityPlugin() {
    super(new TaskPriorities(configured().rules()));
  }

  static TaskPriorityProperties configured() {
    try {
      var yaml = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(yaml))
          .bind("intervention.task-priority", TaskPriorityProperties.class).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
