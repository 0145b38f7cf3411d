package de.nrw.intervention.access;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Cockpit loads every plugin's front-end script through the plugin's root resource; this plugin has no views, but
 * Cockpit does not start without the script.
 */
@Path("plugin/" + DistrictStatisticsCockpitPlugin.ID)
public class DistrictStatisticsRootResource extends AbstractCockpitPluginRootResource {

  public DistrictStatisticsRootResource() {
    super(DistrictStatisticsCockpitPlugin.ID);
  }
}
