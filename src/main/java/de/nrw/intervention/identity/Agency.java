package de.nrw.intervention.identity;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An agency working cases, as configured ({@code intervention.identity.agencies}): one Camunda group per district,
 * named {@code <groupPrefix><District>} (e.g. {@code policeKoeln}) because Camunda ids allow only [a-zA-Z0-9]. The same
 * ids are the outputs of processes/district-routing.dmn. A new agency is one entry here and one routing column.
 *
 * @param groupPrefix        the group id without the district, e.g. {@code crisisOfficer}
 * @param label              what people read, the district's name follows: "Jugendamt Köln"
 * @param formerLabel        the English label of releases before the German screens (only the first five agencies
 *     had one); groups still named so are renamed at startup
 * @param rights             what the agency may do in the web apps beyond working its tasks
 * @param startableProcesses process keys its members may start in Tasklist (police: any, with {@code open-cases})
 */
public record Agency(String groupPrefix, String label, @DefaultValue("") String formerLabel,
    @DefaultValue Set<Right> rights, @DefaultValue List<String> startableProcesses) {

  /** Camunda group type, so Admin and queries can tell agency groups from others. */
  public static final String GROUP_TYPE = "agency";

  public enum Right {
    /** Start any case process and open new cases (the police open domestic-violence and young-offender cases). */
    OPEN_CASES,
    /** Watch the district's deadlines: Cockpit and the district's overdue filter (head of unit, duty officer). */
    SUPERVISE
  }

  public Agency {
    if (groupPrefix == null || !groupPrefix.matches("[a-zA-Z0-9]+")) {
      throw new IllegalArgumentException("intervention.identity.agencies: group-prefix must be letters and digits"
          + " (Camunda group ids), not '" + groupPrefix + "'");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("intervention.identity.agencies: agency '" + groupPrefix + "' needs a label");
    }
    rights = Set.copyOf(rights);
    startableProcesses = List.copyOf(startableProcesses);
  }

  public String groupId(District district) {
    return groupPrefix + district.groupSuffix();
  }

  public String groupName(District district) {
    return label + " " + district.name();
  }

  String formerGroupName(District district) {
    return formerLabel.isBlank() ? null : formerLabel + " " + district.name();
  }

  public boolean has(Right right) {
    return rights.contains(right);
  }
}
