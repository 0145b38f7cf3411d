package de.nrw.intervention.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
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
 * <p>With a read-only identity service (profile {@code ldap}) the groups are the directory's: none is created, a
 * missing one is named in the log (nobody could work its tasks), and the rights are granted all the same, because
 * authorizations live in the database whatever holds the users.
 *
 * <p>Tasks themselves are not granted here: the engine authorizes a task's candidate groups when the
 * task is created, which is exactly the need-to-know rule.
 */
class AgencyDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(AgencyDirectory.class);

  private final IdentityService identityService;
  private final Grants grants;
  private final List<Agency> agencies;
  private final List<District> districts;

  AgencyDirectory(IdentityService identityService, Grants grants, List<Agency> agencies, List<District> districts) {
    this.identityService = identityService;
    this.grants = grants;
    this.agencies = agencies;
    this.districts = districts;
  }

  void ensureGroups() {
    boolean fromDirectory = identityService.isReadOnly();
    int created = 0;
    List<String> missing = new ArrayList<>();
    for (District district : districts) {
      for (Agency agency : agencies) {
        String groupId = agency.groupId(district);
        if (fromDirectory) {
          if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            missing.add(groupId);
          }
        } else if (ensureGroup(groupId, agency.groupName(district), agency.formerGroupName(district))) {
          created++;
        }
        grantAgencyRights(agency, groupId);
      }
    }
    List<String> districtIds = districts.stream().map(District::id).toList();
    if (!fromDirectory) {
      LOG.info("Agency groups ready for districts {} ({} created)", districtIds, created);
    } else if (missing.isEmpty()) {
      LOG.info("Agency groups of districts {} found in the directory", districtIds);
    } else {
      LOG.warn("Agency groups missing in the directory, nobody can work their tasks until they exist: {}", missing);
    }
  }

  private boolean ensureGroup(String id, String name, String formerName) {
    Group existing = identityService.createGroupQuery().groupId(id).singleResult();
    if (existing != null) {
      // A name an administrator chose stays; only the English default of earlier releases becomes German.
      if (formerName != null && formerName.equals(existing.getName())) {
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
    // Members may read their own group (Tasklist shows it): the engine grants that when it creates a group itself,
    // which it never does for a directory's groups.
    grants.toGroup(groupId, GROUP, groupId, READ);
    // Definitions are models, not case data: every agency may read them to render forms and names.
    grants.toGroup(groupId, PROCESS_DEFINITION, Authorization.ANY, READ);
    grants.toGroup(groupId, DECISION_DEFINITION, Authorization.ANY, READ);
    if (agency.has(Agency.Right.OPEN_CASES)) {
      // Police open cases (domestic-violence and young-offender processes are started by police).
      grants.toGroup(groupId, PROCESS_DEFINITION, Authorization.ANY, READ, CREATE_INSTANCE);
    }
    for (String processKey : agency.startableProcesses()) {
      // Only these models; which group may start a case of which district is the access package's start rule.
      grants.toGroup(groupId, PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
    }
    if (agency.has(Agency.Right.OPEN_CASES) || !agency.startableProcesses().isEmpty()) {
      grants.toGroup(groupId, PROCESS_INSTANCE, Authorization.ANY, CREATE);
    }
    if (agency.has(Agency.Right.SUPERVISE)) {
      grants.toGroup(groupId, APPLICATION, "cockpit", ACCESS);
    }
  }
}
