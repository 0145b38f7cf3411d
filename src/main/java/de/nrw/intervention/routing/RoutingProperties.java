package de.nrw.intervention.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param decision the decision that maps a case's {@code district} to the district's agency groups (one output per
 *     agency, e.g. {@code policeGroup}); a case whose district matches no row is refused at start
 */
@ConfigurationProperties("intervention.routing")
public record RoutingProperties(@DefaultValue("district-routing") String decision) {
}
