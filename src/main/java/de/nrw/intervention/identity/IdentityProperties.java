package de.nrw.intervention.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The districts and agencies whose groups exist. Keep in line with processes/district-routing.dmn: adding a district
 * means one row there and one entry here; adding an agency one output column there and one entry here.
 * The agencies are listed in application.yaml only (a default in one place), so an empty list is a broken setup.
 * Public for the supervisors' deadline board (district selector).
 */
@ConfigurationProperties("intervention.identity")
public record IdentityProperties(@DefaultValue List<District> districts, @DefaultValue List<Agency> agencies,
    @DefaultValue("false") boolean seedDemoUsers) {

  public IdentityProperties {
    districts = districts.isEmpty() ? List.of(new District("koeln", "Köln"), new District("bonn", "Bonn")) : districts;
    if (agencies.isEmpty()) {
      throw new IllegalArgumentException("intervention.identity.agencies lists no agency: nobody could work a task"
          + " (application.yaml lists them)");
    }
  }
}
