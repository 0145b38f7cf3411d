package de.nrw.intervention.board;

import de.nrw.intervention.conference.ConferenceFigures;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/cockpit/plugin/intervention-deadline-board/{engine}/board}; also serves the plugin's scripts.
 * Cockpit's JAX-RS application creates this resource, not Spring: the board's settings come from the application
 * context of the servlet context it runs in.
 */
@Path("plugin/" + BoardCockpitPlugin.ID)
public class BoardRootResource extends AbstractCockpitPluginRootResource {

  @Context
  private ServletContext servletContext;

  public BoardRootResource() {
    super(BoardCockpitPlugin.ID);
  }

  @Path("{engineName}/board")
  public BoardResource board(@PathParam("engineName") String engineName) {
    var context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new BoardResource(engineName, context.getBean(DeadlineBoard.class),
        context.getBean(ConferenceFigures.class)), engineName);
  }
}
