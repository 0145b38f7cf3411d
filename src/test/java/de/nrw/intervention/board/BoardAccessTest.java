package de.nrw.intervention.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.nrw.intervention.identity.Agency;
import de.nrw.intervention.identity.District;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardAccessTest {

  private static final District KOELN = new District("koeln", "Köln");
  private static final District BONN = new District("bonn", "Bonn");
  private static final List<District> DISTRICTS = List.of(KOELN, BONN);
  private static final List<Agency> SUPERVISORS = List.of(new Agency("policeSupervisor", "Polizei – Vorgesetzte", "",
      Set.of(Agency.Right.SUPERVISE), List.of()));

  @Test
  void supervisor_seesTheirDistrict_andNoOther() {
    List<District> visible = BoardAccess.visible(DISTRICTS, SUPERVISORS, List.of("policeSupervisorKoeln"), false);

    assertThat(visible).containsExactly(KOELN);
    assertThat(BoardAccess.choose(DISTRICTS, visible, null)).isEqualTo(KOELN);
    assertThat(BoardAccess.choose(DISTRICTS, visible, "koeln")).isEqualTo(KOELN);
    assertRefused(() -> BoardAccess.choose(DISTRICTS, visible, "bonn"), 403, null,
        "Bezirk: Sie dürfen nur die Fristen Ihres eigenen Bezirks sehen.");
  }

  @Test
  void administrator_seesEveryDistrict_firstByDefault() {
    List<District> visible = BoardAccess.visible(DISTRICTS, SUPERVISORS, List.of("camunda-admin"), true);

    assertThat(visible).containsExactly(KOELN, BONN);
    assertThat(BoardAccess.choose(DISTRICTS, visible, "")).isEqualTo(KOELN);
    assertThat(BoardAccess.choose(DISTRICTS, visible, "bonn")).isEqualTo(BONN);
  }

  @Test
  void caseworkers_andCallersWithoutGroups_areRefused_evenForTheirOwnDistrict() {
    for (List<String> groups : List.of(List.of("policeKoeln"), List.of("youthWelfareKoeln", "schoolKoeln"),
        List.<String>of())) {
      List<District> visible = BoardAccess.visible(DISTRICTS, SUPERVISORS, groups, false);
      assertThat(visible).as(groups.toString()).isEmpty();
      assertRefused(() -> BoardAccess.choose(DISTRICTS, visible, "koeln"), 403, null,
          "Die Fristenübersicht ist den Vorgesetzten der Polizei und der Administration vorbehalten.");
    }
  }

  @Test
  void unknownDistrict_isA400NamingTheParameter() {
    List<District> visible = BoardAccess.visible(DISTRICTS, SUPERVISORS, List.of("policeSupervisorKoeln"), false);

    assertRefused(() -> BoardAccess.choose(DISTRICTS, visible, "atlantis"), 400, "district",
        "Bezirk: unbekannt. Bekannt sind koeln, bonn.");
  }

  private static void assertRefused(Runnable call, int status, String field, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(WebApplicationException.class, refusal -> {
      assertThat(refusal.getResponse().getStatus()).isEqualTo(status);
      @SuppressWarnings("unchecked")
      Map<String, String> body = (Map<String, String>) refusal.getResponse().getEntity();
      assertThat(body.get("field")).isEqualTo(field);
      assertThat(body.get("message")).isEqualTo(message);
    });
  }
}
