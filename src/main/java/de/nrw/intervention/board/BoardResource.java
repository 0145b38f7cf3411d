package de.nrw.intervention.board;

import de.nrw.intervention.conference.ConferenceFigures;
import de.nrw.intervention.identity.District;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The board of one district, as JSON for the plugin's page and as CSV for the quarterly report. The caller is the
 * engine's current authentication (set by the web apps' session for this request); the district is checked against
 * it ({@link BoardAccess}) before anything is read.
 */
public class BoardResource extends AbstractCockpitPluginResource {

  static final String CSV = "text/csv; charset=UTF-8";

  private final DeadlineBoard board;
  private final ConferenceFigures conferences;

  BoardResource(String engineName, DeadlineBoard board, ConferenceFigures conferences) {
    super(engineName);
    this.board = board;
    this.conferences = conferences;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Board figures(@QueryParam(BoardAccess.DISTRICT_PARAMETER) String district) {
    return figuresOf(district);
  }

  @GET
  @Path("csv")
  @Produces(CSV)
  public Response csv(@QueryParam(BoardAccess.DISTRICT_PARAMETER) String district) {
    Board figures = figuresOf(district);
    String file = "fristen-" + figures.district() + "-" + board.currentMonth() + ".csv";
    return Response.ok(BoardCsv.of(figures), CSV)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  private Board figuresOf(String requested) {
    Authentication caller = getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw BoardRefusal.forbidden("Bitte melden Sie sich an.");
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    List<District> visible = BoardAccess.visible(board.districts(), board.supervisors(), groups, isCamundaAdmin(caller));
    District district = BoardAccess.choose(board.districts(), visible, requested);
    return board.figures((ProcessEngineConfigurationImpl) getProcessEngine().getProcessEngineConfiguration(),
        district, visible).withConferences(ConferenceBoards.of(conferences.of(district.id()), board.calendar()));
  }
}
