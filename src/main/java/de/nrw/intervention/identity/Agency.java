package de.nrw.intervention.identity;

/**
 * The agencies working a case. Each has one Camunda group per district, named
 * {@code <groupPrefix><District>} (e.g. {@code policeKoeln}) because Camunda ids allow only [a-zA-Z0-9].
 * The same ids are the outputs of processes/district-routing.dmn.
 */
public enum Agency {
  POLICE("police", "Polizei", "Police"),
  POLICE_SUPERVISOR("policeSupervisor", "Polizei: Vorgesetzte", "Police supervisors"),
  YOUTH_WELFARE("youthWelfare", "Jugendamt", "Youth welfare office (Jugendamt)"),
  SCHOOL("school", "Ansprechpersonen der Schulen", "School contact persons"),
  COUNSELLING("counselling", "Beratungsstelle für Opfer häuslicher Gewalt", "Victim counselling centre");

  /** Camunda group type, so Admin and queries can tell agency groups from others. */
  public static final String GROUP_TYPE = "agency";

  private final String groupPrefix;
  private final String label;
  /** The English label of releases before the German screens; groups still named so are renamed at startup. */
  private final String formerLabel;

  Agency(String groupPrefix, String label, String formerLabel) {
    this.groupPrefix = groupPrefix;
    this.label = label;
    this.formerLabel = formerLabel;
  }

  public String groupId(District district) {
    return groupPrefix + district.groupSuffix();
  }

  public String groupName(District district) {
    return label + " " + district.name();
  }

  String formerGroupName(District district) {
    return formerLabel + " " + district.name();
  }
}
