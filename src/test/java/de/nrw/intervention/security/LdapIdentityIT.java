package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import de.nrw.intervention.reminder.ReminderFixture;
import de.nrw.intervention.testsupport.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code ldap} profile against a real LDAP server: UnboundID's in-memory directory (the one Spring Boot's
 * embedded LDAP support uses) loaded with the demo agencies from {@code ldap/agencies.ldif}, on a fixed port so it
 * can be stopped and started again. Its groups have the directory's own names; the agency group id the platform
 * uses is in another attribute ({@code group-id-attribute=ou}). The real process models; REST and web-app logins; the access rules, Tasklist
 * filters and reminders for directory users; a leaver locked out within the login cache time; an outage.
 *
 * <p>Login caches are shortened to {@value #CACHE_SECONDS} s here (55 s in production) so that the lock-out is
 * measured in seconds; the test checks the measured time against the configured one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "intervention.models.processes-dir=processes",
    "intervention.models.forms-dir=forms",
    "intervention.ldap.base-dn=" + LdapIdentityIT.BASE_DN,
    "intervention.ldap.manager-dn=cn=intervention-app,ou=services," + LdapIdentityIT.BASE_DN,
    "intervention.ldap.manager-password=bind-secret",
    // Only the platform's groups: the directory holds others (canteenKoeln).
    "intervention.ldap.group-search-filter=(&(objectClass=groupOfNames)(businessCategory=intervention))",
    // The directory's groups have names of their own; the agency group id is in the attribute ou.
    "intervention.ldap.group-id-attribute=ou",
    "intervention.ldap.group-name-attribute=description",
    // Several pages for every list, as against Active Directory's 1000-entry limit.
    "intervention.ldap.page-size=3",
    "intervention.ldap.administrator-group=interventionAdmins",
    "intervention.security.rest-authentication-cache-time=" + LdapIdentityIT.CACHE_SECONDS + "s",
    "camunda.bpm.webapp.auth.cache.time-to-live=" + LdapIdentityIT.CACHE_SECONDS + "000",
    // A reminder whose recipients cannot be looked up is retried; seconds here instead of minutes.
    "intervention.reminders.retry-cycle=R10/PT1S",
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=300"})
@ActiveProfiles({"ldap", "test"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LdapIdentityIT {

  static final String BASE_DN = "dc=intervention,dc=example";
  static final int CACHE_SECONDS = 3;
  private static final int LDAP_PORT = ReminderFixture.freePort();
  private static final int SMTP_PORT = ReminderFixture.freePort();
  /**
   * The engine REST and the web apps found under "default" before this class: they look engines up in Camunda's
   * static registry, where this class's application registers its own engine under the same name. The integration
   * tests after this class (other application contexts, same JVM) must reach theirs again, not this one, whose
   * directory is gone then.
   */
  private static final ProcessEngine PREVIOUS_DEFAULT = ProcessEngines.getProcessEngines().get("default");
  private static final InMemoryDirectoryServer DIRECTORY = startDirectory();

  @RegisterExtension
  static final GreenMailExtension greenMail =
      TestMailServer.smtp(SMTP_PORT);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("intervention.ldap.url", () -> "ldap://127.0.0.1:" + LDAP_PORT);
    TestMailServer.register(registry, SMTP_PORT);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private static InMemoryDirectoryServer startDirectory() {
    try (InputStream ldif = LdapIdentityIT.class.getResourceAsStream("/ldap/agencies.ldif")) {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), LDAP_PORT, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.importFromLDIF(true, new LDIFReader(ldif));
      server.startListening();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the in-memory LDAP server", e);
    }
  }

  @AfterAll
  static void stopDirectory() {
    if (PREVIOUS_DEFAULT != null) {
      ProcessEngines.registerProcessEngine(PREVIOUS_DEFAULT);
    }
    DIRECTORY.shutDown(true);
  }

  @Test
  @Order(1)
  void directoryUser_logsInToRestAndTasklist_andAdminOnlyShowsTheDirectory() {
    Api api = new Api(port);
    Api.Response profile = api.get("officer", "/engine-rest/user/officer/profile");
    assertThat(profile.status()).as(profile.body()).isEqualTo(200);
    assertThat(profile.json().get("email").asText()).isEqualTo("officer@polizei-koeln.example");
    assertThat(api.getAs("officer", "wrong-password", "/engine-rest/user/officer/profile").status()).isEqualTo(401);
    assertThat(api.getAs("nobody", "demo", "/engine-rest/user/officer/profile").status()).isEqualTo(401);

    Api tasklist = new Api(port).webLogin("officer");
    Api.Response viaTasklist = tasklist.get(null, "/camunda/api/engine/engine/default/user/officer/profile");
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(200);

    // The administrator group is the directory's: Admin lists the directory's groups, and cannot edit them.
    Api.Response groups = api.get("demo", "/engine-rest/group?" + Api.PAGE.substring(1));
    assertThat(groups.status()).as(groups.body()).isEqualTo(200);
    assertThat(groups.json().findValuesAsText("id")).containsExactlyInAnyOrder("interventionAdmins", "policeBonn", "policeKoeln",
        "policeSupervisorBonn", "policeSupervisorKoeln", "schoolKoeln", "youthWelfareKoeln", "counsellingKoeln")
        .doesNotContain("canteenKoeln");
    assertThat(api.get("demo", "/engine-rest/group/policeKoeln").json().get("name").asText()).isEqualTo("Polizei Köln");
    Api.Response create = api.post("demo", "/engine-rest/user/create",
        Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "a-long-password-1")));
    assertThat(create.status()).as(create.body()).isEqualTo(403);
    assertThat(create.body()).contains("read-only");
    assertThat(api.get("demo", "/actuator/metrics").status()).as("administrator").isEqualTo(200);
    assertThat(api.get("officer", "/actuator/metrics").status()).isEqualTo(403);
    assertThat(api.get("officer", "/engine-rest/group?" + Api.PAGE.substring(1)).json().findValuesAsText("id"))
        .as("a caseworker reads their own group only, as with database users").containsExactly("policeKoeln");
  }

  @Test
  @Order(2)
  void tasksAreRoutedToDirectoryGroups_andEachAgencySeesOnlyItsOwn() {
    Api api = new Api(port);
    String koeln = Cases.start(api, "officer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("KOE-LDAP-DV-1", "koeln"));
    Cases.requestSchoolObservation(api, koeln);
    String bonn = Cases.start(api, "bonnofficer", Cases.DOMESTIC_VIOLENCE, Cases.domesticViolence("BN-LDAP-DV-1", "bonn"));

    // The access matrix's rows for these users (docs/SECURITY.md), with users and groups from the directory. A case
    // is every instance with its reference as business key (the school works in the called school-observation). High
    // risk: the cases wait for their district's case conference, which nobody has called here (no preparation tasks).
    assertThat(tasks(api, "officer", "KOE-LDAP-DV-1")).hasSize(1);
    assertThat(tasks(api, "supervisor", "KOE-LDAP-DV-1")).hasSize(3);
    assertThat(tasks(api, "bonnofficer", "KOE-LDAP-DV-1")).isEmpty();
    assertThat(api.get("bonnofficer", "/engine-rest/process-instance/" + koeln).status()).isIn(403, 404);
    assertThat(tasks(api, "officer", "BN-LDAP-DV-1")).isEmpty();
    assertThat(tasks(api, "bonnofficer", "BN-LDAP-DV-1")).hasSize(1);
    assertThat(api.get("bonnofficer", "/engine-rest/process-instance/" + bonn).status()).isEqualTo(200);
    JsonNode teacherTasks = tasks(api, "teacher", "KOE-LDAP-DV-1");
    assertThat(teacherTasks).hasSize(1);
    JsonNode teacherVariables = api.get("teacher", "/engine-rest/task/" + teacherTasks.get(0).get("id").asText()
        + "/variables").json();
    assertThat(teacherVariables.has("observedChildFirstName")).isTrue();
    assertThat(teacherVariables.has("victimName")).as("task form only").isFalse();
    assertThat(api.get("teacher", "/engine-rest/process-instance/" + koeln).status()).isIn(403, 404);

    // Tasklist's filter "Offene Aufgaben meiner Stelle" asks for ${currentUserGroups()}: the directory's groups.
    Api tasklist = new Api(port).webLogin("officer");
    JsonNode filters = tasklist.get(null, "/camunda/api/engine/engine/default/filter?resourceType=Task"
        + Api.PAGE).json();
    String myAgency = filterId(filters, "Offene Aufgaben meiner Stelle");
    assertThat(myAgency).as(filters.toString()).isNotNull();
    JsonNode listed = tasklist.sessionPost("/camunda/api/engine/engine/default/filter/" + myAgency
        + "/list?firstResult=0&maxResults=50", Map.of("processInstanceBusinessKey", "KOE-LDAP-DV-1")).json();
    assertThat(listed).hasSize(1);
  }

  @Test
  @Order(3)
  void reminders_andEscalations_goToTheDirectorysMailAddresses() throws Exception {
    engine.getRepositoryService().createDeployment().name("ldap-reminder-fixture")
        .addClasspathResource("fixtures/reminder/processes/reminder-fixture.bpmn").deploy();
    greenMail.purgeEmailFromAllMailboxes();
    Instant now = Instant.now();
    // Due in two hours, 24 h lead: the reminder goes out at once, to every member of policeKoeln with a mail address.
    startReminderCase("KOE-LDAP-REM-1", now.plus(Duration.ofHours(2)));
    // Already overdue: the escalation goes to the district's supervisors.
    startReminderCase("KOE-LDAP-ESC-1", now.minus(Duration.ofMinutes(1)));

    await().atMost(Duration.ofSeconds(30)).until(() -> mailsFor("KOE-LDAP-REM-1").size() >= 3
        && !mailsFor("KOE-LDAP-ESC-1").isEmpty());
    assertThat(ReminderFixture.recipients(mailsFor("KOE-LDAP-REM-1").get(0))).containsExactly(
        "leaver@polizei-koeln.example", "officer2@polizei-koeln.example", "officer@polizei-koeln.example");
    assertThat(ReminderFixture.recipients(mailsFor("KOE-LDAP-ESC-1").get(0)))
        .containsExactly("supervisor@polizei-koeln.example");
  }

  @Test
  @Order(4)
  void userRemovedFromTheDirectory_isLockedOutWithinTheLoginCacheTime() throws LDAPException {
    Api api = new Api(port);
    assertThat(api.get("leaver", "/engine-rest/user/leaver/profile").status()).isEqualTo(200);
    assertThat(tasks(api, "counsellor", "KOE-LDAP-DV-1")).as("the counselling centre's task").hasSize(1);
    Api tasklist = new Api(port).webLogin("leaver");
    String sessionProbe = "/camunda/api/engine/engine/default/task/count";
    assertThat(tasklist.get(null, sessionProbe).status()).isEqualTo(200);

    // As a directory administrator does it: the entry goes, and with it the membership (referential integrity).
    DIRECTORY.modify("cn=PP Koeln - Sachbearbeitung Haeusliche Gewalt,ou=groups," + BASE_DN,
        new Modification(ModificationType.DELETE, "member", "uid=leaver,ou=people," + BASE_DN));
    DIRECTORY.delete("uid=leaver,ou=people," + BASE_DN);
    // And a mover: the counsellor leaves the counselling centre's group but keeps their account.
    DIRECTORY.modify("cn=Beratungsstelle Koeln - Opferschutz,ou=groups," + BASE_DN,
        new Modification(ModificationType.DELETE, "member", "uid=counsellor,ou=people," + BASE_DN));
    long removed = System.nanoTime();

    await().atMost(Duration.ofSeconds(CACHE_SECONDS + 5)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("leaver", "/engine-rest/user/leaver/profile").status() == 401);
    Duration rest = Duration.ofNanos(System.nanoTime() - removed);
    await().atMost(Duration.ofSeconds(CACHE_SECONDS + 5)).pollInterval(Duration.ofMillis(100))
        .until(() -> tasklist.get(null, sessionProbe).status() == 401);
    Duration webapps = Duration.ofNanos(System.nanoTime() - removed);
    await().atMost(Duration.ofSeconds(CACHE_SECONDS + 5)).pollInterval(Duration.ofMillis(100))
        .until(() -> tasks(api, "counsellor", "KOE-LDAP-DV-1").isEmpty());
    Duration mover = Duration.ofNanos(System.nanoTime() - removed);
    Api login = new Api(port);
    login.get(null, "/camunda/app/tasklist/default/");
    assertThat(login.postRaw(null, null, "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=counsellor&password=demo",
        Map.of("X-XSRF-TOKEN", login.cookie("XSRF-TOKEN"))).status())
        .as("in no agency group: password right, but no Tasklist").isEqualTo(403);
    System.out.printf("Leaver locked out after %d ms (REST) and %d ms (web-app session); mover lost the group's "
        + "task after %d ms (REST); login cache %d s%n", rest.toMillis(), webapps.toMillis(), mover.toMillis(),
        CACHE_SECONDS);

    Duration allowed = Duration.ofSeconds(CACHE_SECONDS).plusMillis(500);
    assertThat(rest).isLessThanOrEqualTo(allowed);
    assertThat(webapps).isLessThanOrEqualTo(allowed);
    assertThat(mover).isLessThanOrEqualTo(allowed);
    assertThat(new Api(port).getAs("leaver", "demo", "/engine-rest/user/leaver/profile").status()).isEqualTo(401);
  }

  @Test
  @Order(5)
  void directoryOutage_answers503WithAMessage_andRecoversByItself() throws Exception {
    Api tasklist = new Api(port).webLogin("youthworker");
    greenMail.purgeEmailFromAllMailboxes();
    DIRECTORY.shutDown(true);
    try {
      // Its reminder is due at once, but nobody can look up the group's members now.
      startReminderCase("KOE-LDAP-REM-2", Instant.now().plus(Duration.ofHours(2)));

      // A caller the REST login cache does not know yet: its password must be checked against the directory.
      Api.Response rest = new Api(port).get("officer2", "/engine-rest/user/officer2/profile");
      assertThat(rest.status()).as(rest.body()).isEqualTo(503);
      assertThat(rest.json().get("type").asText()).isEqualTo("DirectoryUnavailable");
      assertThat(rest.json().get("message").asText()).contains("Verzeichnisdienst ist nicht erreichbar");
      assertThat(rest.header("Retry-After")).isEqualTo("30");
      assertThat(rest.body()).doesNotContain("at org.", "Exception:");
      assertThat(new Api(port).get("demo", "/actuator/metrics").status()).as("administrator check").isEqualTo(503);
      assertThat(new Api(port).get(null, "/actuator/health/liveness").status()).as("needs no directory").isEqualTo(200);

      Api login = new Api(port);
      login.get(null, "/camunda/app/tasklist/default/");
      Api.Response webLogin = login.postRaw(null, null, "/camunda/api/admin/auth/user/default/login/tasklist",
          "application/x-www-form-urlencoded", "username=officer2&password=demo",
          Map.of("X-XSRF-TOKEN", login.cookie("XSRF-TOKEN")));
      assertThat(webLogin.status()).as(webLogin.body()).isEqualTo(503);
      assertThat(webLogin.body()).contains("Verzeichnisdienst").doesNotContain("at org.");

      // A session logged in before the outage is checked again once the web apps' login cache expires.
      await().atMost(Duration.ofSeconds(CACHE_SECONDS + 5)).pollInterval(Duration.ofMillis(200))
          .until(() -> tasklist.get(null, "/camunda/api/engine/engine/default/task/count").status() == 503);
      assertThat(tasklist.get(null, "/camunda/api/engine/engine/default/task/count").body())
          .contains("Verzeichnisdienst").doesNotContain("at org.");
    } finally {
      DIRECTORY.startListening();
    }
    long restarted = System.nanoTime();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> new Api(port).get("officer2", "/engine-rest/user/officer2/profile").status() == 200);
    Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> tasklist.get(null, "/camunda/api/engine/engine/default/task/count").status() == 200);
    System.out.printf("Directory back: REST logins work again after %d ms, the earlier session after %d ms%n",
        recovery.toMillis(), Duration.ofNanos(System.nanoTime() - restarted).toMillis());
    assertThat(new Api(port).webLogin("officer2").get(null, "/camunda/api/engine/engine/default/user/officer2/profile")
        .status()).isEqualTo(200);
    // The reminder that failed during the outage goes out on a later attempt.
    await().atMost(Duration.ofSeconds(20)).until(() -> !mailsFor("KOE-LDAP-REM-2").isEmpty());
    assertThat(ReminderFixture.recipients(mailsFor("KOE-LDAP-REM-2").get(0)))
        .containsExactly("officer2@polizei-koeln.example", "officer@polizei-koeln.example");
  }

  private static JsonNode tasks(Api api, String user, String caseReference) {
    Api.Response tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseReference + Api.PAGE);
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    return tasks.json();
  }

  private static String filterId(JsonNode filters, String name) {
    for (JsonNode filter : filters) {
      if (name.equals(filter.path("name").asText())) {
        return filter.get("id").asText();
      }
    }
    return null;
  }

  private void startReminderCase(String caseReference, Instant due) {
    engine.getRuntimeService().startProcessInstanceByKey("reminder-fixture", caseReference, Map.of(
        "caseReference", caseReference, "candidateGroup", "policeKoeln", "district", "koeln", "due", Date.from(due)));
  }

  private static List<MimeMessage> mailsFor(String caseReference) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(message -> ReminderFixture.subject(message).contains(caseReference)).toList();
  }
}
