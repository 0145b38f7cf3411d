package de.nrw.intervention.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The districts whose agency groups exist. Keep in line with the rows of processes/district-routing.dmn:
 * adding a district means one row there and one entry here. Public for the supervisors' deadline board (district selector).
 */
@ConfigurationProperties("intervention.identity")
public record IdentityProperties(@DefaultValue List<District> districts, @DefaultValue("false") boolean seedDemoUsers) {

  public IdentityProperties {
    districts = districts.isEmpty() ? List.of(new District("koeln", "Köln"), new District("bonn", "Bonn")) : districts;
  }
}
