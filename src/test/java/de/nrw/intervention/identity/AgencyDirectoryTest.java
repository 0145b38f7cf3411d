package de.nrw.intervention.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agency groups get German names; groups of English releases are renamed, names an administrator chose stay. With
 * users from a directory (read-only identity service) nothing is created but the rights.
 */
@ExtendWith(ProcessEngineExtension.class)
class AgencyDirectoryTest {

  private static final District KOELN = new District("koeln", "Köln");

  ProcessEngine processEngine;

  @AfterEach
  void removeGroupsAndGrants() {
    processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
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

    new AgencyDirectory(identity, new Grants(processEngine.getAuthorizationService()), TestAgencies.ALL, List.of(KOELN)).ensureGroups();

    assertThat(name("policeKoeln")).isEqualTo("Polizei Köln");
    assertThat(name("youthWelfareKoeln")).isEqualTo("Jugendamt der Stadt Köln");
    assertThat(name("counsellingKoeln")).isEqualTo("Beratungsstelle für Opfer häuslicher Gewalt Köln");
    assertThat(name("policeSupervisorKoeln")).isEqualTo("Polizei: Vorgesetzte Köln");
    assertThat(name("crisisOfficerKoeln")).as("a configured agency without a former name")
        .isEqualTo("Schulpsychologische Krisenintervention / Schulaufsicht Köln");
  }

  @Test
  void rights_followTheConfiguration_aSchoolMayStartOnlyItsOwnProcess() {
    new AgencyDirectory(processEngine.getIdentityService(), new Grants(processEngine.getAuthorizationService()),
        TestAgencies.ALL, List.of(KOELN)).ensureGroups();
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    // Without authorization checks the engine answers every question with yes.
    processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(true);

    assertThat(authorizations.isUserAuthorized("teacher", List.of("schoolKoeln"), CREATE_INSTANCE, PROCESS_DEFINITION,
        "school-threat-report")).isTrue();
    assertThat(authorizations.isUserAuthorized("teacher", List.of("schoolKoeln"), CREATE_INSTANCE, PROCESS_DEFINITION,
        "domestic-violence-intervention")).isFalse();
    assertThat(authorizations.isUserAuthorized("officer", List.of("policeKoeln"), CREATE_INSTANCE, PROCESS_DEFINITION,
        "domestic-violence-intervention")).isTrue();
    assertThat(authorizations.isUserAuthorized("crisis", List.of("crisisOfficerKoeln"), CREATE_INSTANCE,
        PROCESS_DEFINITION, "school-threat-report")).isFalse();
    assertThat(authorizations.isUserAuthorized("crisis", List.of("crisisOfficerKoeln"), ACCESS, APPLICATION, "cockpit"))
        .isFalse();
    assertThat(authorizations.isUserAuthorized("supervisor", List.of("policeSupervisorKoeln"), ACCESS, APPLICATION,
        "cockpit")).isTrue();
  }

  @Test
  void readOnlyIdentityService_createsNoGroupOrUser_butGrantsTheRightsAllTheSame() {
    IdentityService directory = readOnly(processEngine.getIdentityService());

    new AgencyDirectory(directory, new Grants(processEngine.getAuthorizationService()), TestAgencies.ALL, List.of(KOELN)).ensureGroups();
    new DemoUsers(directory).ensureUsers();

    assertThat(processEngine.getIdentityService().createGroupQuery().count()).isZero();
    assertThat(processEngine.getIdentityService().createUserQuery().count()).isZero();
    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("policeKoeln")
        .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).isEqualTo(1);
    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("schoolKoeln")
        .resourceType(Resources.GROUP).resourceId("schoolKoeln").count()).as("members read their group").isEqualTo(1);
  }

  /** The engine's identity service as the LDAP plugin makes it: it reads, and refuses to write. */
  private static IdentityService readOnly(IdentityService identity) {
    return (IdentityService) Proxy.newProxyInstance(IdentityService.class.getClassLoader(),
        new Class<?>[] {IdentityService.class}, (proxy, method, args) -> {
          if (method.getName().equals("isReadOnly")) {
            return true;
          }
          if (method.getName().matches("new.*|save.*|create(Membership|TenantUserMembership|TenantGroupMembership)|delete.*")) {
            throw new UnsupportedOperationException("read-only: " + method.getName());
          }
          try {
            return method.invoke(identity, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
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
