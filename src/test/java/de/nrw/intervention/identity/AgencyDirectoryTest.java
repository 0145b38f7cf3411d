package de.nrw.intervention.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agency groups get German names; groups of English releases are renamed, names an administrator chose stay. */
@ExtendWith(ProcessEngineExtension.class)
class AgencyDirectoryTest {

  private static final District KOELN = new District("koeln", "Köln");

  ProcessEngine processEngine;

  @AfterEach
  void removeGroupsAndGrants() {
    IdentityService identity = processEngine.getIdentityService();
    identity.createGroupQuery().list().forEach(group -> identity.deleteGroup(group.getId()));
    processEngine.getAuthorizationService().createAuthorizationQuery().list()
        .forEach(grant -> processEngine.getAuthorizationService().deleteAuthorization(grant.getId()));
  }

  @Test
  void groupsOfAnEnglishRelease_areRenamed_anAdministratorsNameStays() {
    IdentityService identity = processEngine.getIdentityService();
    save(identity, "policeKoeln", "Police Köln");
    save(identity, "youthWelfareKoeln", "Jugendamt der Stadt Köln");

    new AgencyDirectory(identity, new Grants(processEngine.getAuthorizationService()), List.of(KOELN)).ensureGroups();

    assertThat(name("policeKoeln")).isEqualTo("Polizei Köln");
    assertThat(name("youthWelfareKoeln")).isEqualTo("Jugendamt der Stadt Köln");
    assertThat(name("counsellingKoeln")).isEqualTo("Beratungsstelle für Opfer häuslicher Gewalt Köln");
    assertThat(name("policeSupervisorKoeln")).isEqualTo("Polizei: Vorgesetzte Köln");
  }

  private static void save(IdentityService identity, String id, String name) {
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(Agency.GROUP_TYPE);
    identity.saveGroup(group);
  }

  private String name(String groupId) {
    return processEngine.getIdentityService().createGroupQuery().groupId(groupId).singleResult().getName();
  }
}
