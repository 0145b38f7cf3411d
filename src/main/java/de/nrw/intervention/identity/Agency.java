package de.nrw.intervention.identity;

/**
 * The agencies working a case. Each has one Camunda group per district, named
 * {@code <groupPrefix><District>} (e.g. {@code policeKoeln}) because Camunda ids allow only [a-zA-Z0-9].
 * The same ids are the outputs of processes/district-routing.dmn.
 */
public enum Agency {
  POLICE("police", "Police"),
  POLICE_SUPERVISOR("policeSupervisor", "Police supervisors"),
  YOUTH_WELFARE("youthWelfare", "Youth welfare office (Jugendamt)"),
  SCHOOL("school", "School contact persons"),
  COUNSELLING("counselling", "Victim counselling centre");

  /** Camunda group type, so Admin and queries can tell agency groups from others. */
  public static final String GROUP_TYPE = "agency";

  private final String groupPrefix;
  private final String label;

  Agency(String groupPrefix, String label) {
    this.groupPrefix = groupPrefix;
    this.label = label;
  }

  public String groupId(District district) {
    return groupPrefix + district.groupSuffix();
  }

  public String groupName(District district) {
    return label + " " + district.name();
  }
}
