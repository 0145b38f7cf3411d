package de.nrw.intervention.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every agency group of every configured district with the rights the agency needs in the web
 * apps, in every profile: production users (from Admin or a directory) only have to join a group.
 *
 * <p>Tasks themselves are not granted here: the engine authorizes a task's candidate groups when the
 * task is created, which is exactly the need-to-know rule.
 */
class AgencyDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(AgencyDirectory.class);

  private final IdentityService identityService;
  private final Grants grants;
  private final List<District> districts;

  AgencyDirectory(IdentityService identityService, Grants grants, List<District> districts) {
    this.identityService = identityService;
    this.grants = grants;
    this.districts = districts;
  }

  void ensureGroups() {
    int created = 0;
    for (District district : districts) {
      for (Agency agency : Agency.values()) {
        if (ensureGroup(agency.groupId(district), agency.groupName(district), agency.formerGroupName(district))) {
          created++;
        }
        grantAgencyRights(agency, agency.groupId(district));
      }
    }
    LOG.info("Agency groups ready for districts {} ({} created)", districts.stream().map(District::id).toList(), created);
  }

  private boolean ensureGroup(String id, String name, String formerName) {
    Group existing = identityService.createGroupQuery().groupId(id).singleResult();
    if (existing != null) {
      // A name an administrator chose stays; only the English default of earlier releases becomes German.
      if (formerName.equals(existing.getName())) {
        existing.setName(name);
        identityService.saveGroup(existing);
      }
      return false;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(Agency.GROUP_TYPE);
    identityService.saveGroup(group);
    return true;
  }

  private void grantAgencyRights(Agency agency, String groupId) {
    grants.toGroup(groupId, APPLICATION, "tasklist", ACCESS);
    // Definitions are models, not case data: every agency may read them to render forms and names.
    grants.toGroup(groupId, PROCESS_DEFINITION, Authorization.ANY, READ);
    grants.toGroup(groupId, DECISION_DEFINITION, Authorization.ANY, READ);
    switch (agency) {
      case POLICE -> {
        // Police open cases (domestic-violence and young-offender processes are started by police).
        grants.toGroup(groupId, PROCESS_DEFINITION, Authorization.ANY, READ, CREATE_INSTANCE);
        grants.toGroup(groupId, PROCESS_INSTANCE, Authorization.ANY, CREATE);
      }
      case POLICE_SUPERVISOR -> grants.toGroup(groupId, APPLICATION, "cockpit", ACCESS);
      default -> { }
    }
  }
}
