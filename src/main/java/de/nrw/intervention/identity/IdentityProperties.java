package de.nrw.intervention.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The districts whose agency groups exist. Keep in line with the rows of processes/district-routing.dmn:
 * adding a district means one row there and one entry here.
 */
@ConfigurationProperties("intervention.identity")
record IdentityProperties(@DefaultValue List<District> districts, @DefaultValue("false") boolean seedDemoUsers) {

  IdentityProperties {
    districts = districts.isEmpty() ? List.of(new District("koeln", "Köln"), new District("bonn", "Bonn")) : districts;
  }
}
