package de.nrw.intervention.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo profile's caseworkers (password "demo"); the administrator {@code demo} comes from camunda.bpm.admin-user. */
class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
  private static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, String email, String groupId) { }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("officer", "Olaf", "Officer", "officer@polizei-koeln.example", "policeKoeln"),
      new DemoUser("supervisor", "Sabine", "Supervisor", "supervisor@polizei-koeln.example", "policeSupervisorKoeln"),
      new DemoUser("youthworker", "Yusuf", "Youthworker", "youthworker@jugendamt-koeln.example", "youthWelfareKoeln"),
      new DemoUser("teacher", "Tanja", "Teacher", "teacher@schule-koeln.example", "schoolKoeln"),
      new DemoUser("counsellor", "Carla", "Counsellor", "counsellor@beratung-koeln.example", "counsellingKoeln"),
      new DemoUser("crisisofficer", "Kira", "Krisenteam", "krisenintervention@schulamt-koeln.example",
          "crisisOfficerKoeln"),
      new DemoUser("bonnofficer", "Bernd", "Bonnofficer", "officer@polizei-bonn.example", "policeBonn"));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  void ensureUsers() {
    if (identityService.isReadOnly()) {
      LOG.info("Demo users not created: users come from the directory (read-only identity service)");
      return;
    }
    int created = 0;
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        created++;
      }
      if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.groupId()).count() == 0) {
        identityService.createMembership(demo.id(), demo.groupId());
      }
    }
    LOG.info("Demo users ready: {} ({} created, password 'demo')", USERS.stream().map(DemoUser::id).toList(), created);
  }
}
