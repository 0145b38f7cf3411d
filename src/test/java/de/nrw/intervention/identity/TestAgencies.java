package de.nrw.intervention.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The agencies as application.yaml configures them, bound as the application binds them. */
final class TestAgencies {

  static final List<Agency> ALL = load();

  private TestAgencies() {
  }

  private static List<Agency> load() {
    try {
      var sources = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bind("intervention.identity.agencies", Bindable.listOf(Agency.class)).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
