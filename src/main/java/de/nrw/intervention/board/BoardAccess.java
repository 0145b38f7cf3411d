package de.nrw.intervention.board;

import de.nrw.intervention.identity.Agency;
import de.nrw.intervention.identity.District;
import java.util.List;

/**
 * Which district's board a caller may see, by the access model: administrators every district, police supervisors
 * the districts whose supervisor group ({@code policeSupervisor<District>}) they belong to, nobody else any.
 * Fails closed: no caller, no group, or a district not theirs is refused, never answered with an empty board.
 */
final class BoardAccess {

  static final String DISTRICT_PARAMETER = "district";

  private BoardAccess() {
  }

  /** The districts the caller may see, in configuration order; empty for everyone but supervisors and admins. */
  static List<District> visible(List<District> districts, List<Agency> supervisors, List<String> groupIds,
      boolean administrator) {
    if (administrator) {
      return districts;
    }
    return districts.stream()
        .filter(district -> supervisors.stream().anyMatch(agency -> groupIds.contains(agency.groupId(district))))
        .toList();
  }

  /**
   * The district asked for, or the caller's first when none was asked for.
   *
   * @throws BoardRefusal 403 when the caller may see none or not this one, 400 for a district nobody knows
   */
  static District choose(List<District> districts, List<District> visible, String requested) {
    if (visible.isEmpty()) {
      throw BoardRefusal.forbidden("Die Fristenübersicht ist den Vorgesetzten der Polizei und der Administration "
          + "vorbehalten.");
    }
    if (requested == null || requested.isBlank()) {
      return visible.get(0);
    }
    District known = districts.stream().filter(district -> district.id().equals(requested)).findFirst()
        .orElseThrow(() -> BoardRefusal.badRequest(DISTRICT_PARAMETER, "Bezirk: unbekannt. Bekannt sind "
            + String.join(", ", districts.stream().map(District::id).toList()) + "."));
    if (!visible.contains(known)) {
      throw BoardRefusal.forbidden("Bezirk: Sie dürfen nur die Fristen Ihres eigenen Bezirks sehen.");
    }
    return known;
  }
}
