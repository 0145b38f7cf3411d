package de.nrw.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Startups that must fail with one clear message, and the production start that must not seed demo data. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/models");

  @Test
  void prodWithoutAdminPassword_refusesToStart_namingTheVariable(CapturedOutput output) {
    assertThatThrownBy(() -> start("prod", FIXTURES.resolve("processes"), FIXTURES.resolve("forms")).close())
        .hasMessageContaining("INTERVENTION_ADMIN_PASSWORD is not set");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("INTERVENTION_ADMIN_PASSWORD is not set");
  }

  @Test
  void prodWithDemoPassword_refusesToStart() {
    assertThatThrownBy(() -> start("prod", FIXTURES.resolve("processes"), FIXTURES.resolve("forms"),
        "--camunda.bpm.admin-user.password=demo").close())
        .hasMessageContaining("INTERVENTION_ADMIN_PASSWORD is too weak");
  }

  @Test
  void prodWithStrongPassword_startsWithAdminButWithoutDemoUsers() {
    try (ConfigurableApplicationContext context = start("prod", FIXTURES.resolve("processes"), FIXTURES.resolve("forms"),
        "--camunda.bpm.admin-user.password=correct-horse-battery",
        "--intervention.conference.pseudonym-key=3c9e1f0a7b2d4e6f8a1c3e5f7b9d2a4c",
        "--intervention.reminders.tasklist-base-url=https://intervention.example.nrw/camunda/app/tasklist/default")) {
      var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("admin");
      assertThat(identity.createGroupQuery().groupType("agency").count()).isEqualTo(12);
    }
  }

  @Test
  void malformedModel_stopsStartup_namingTheFile(@TempDir Path root, CapturedOutput output) throws IOException {
    Path processes = copyFixtures(root);
    Path bpmn = processes.resolve("fixture-case.bpmn");
    Files.writeString(bpmn, Files.readString(bpmn).replace("</bpmn:process>", ""));

    assertThatThrownBy(() -> start("demo", processes, root.resolve("forms")).close())
        .hasStackTraceContaining("fixture-case.bpmn: is not a valid BPMN 2.0 file");
    assertThat(output).contains("A process model or form could not be deployed")
        .contains("fixture-case.bpmn: is not a valid BPMN 2.0 file");
  }

  @Test
  void formRefWithoutForm_stopsStartup_namingProcessAndForm(@TempDir Path root, CapturedOutput output) throws IOException {
    Path processes = copyFixtures(root);
    Files.delete(root.resolve("forms/review-fixture-case.form"));

    assertThatThrownBy(() -> start("demo", processes, root.resolve("forms")).close());
    assertThat(output).contains("fixture-case.bpmn: refers to form 'review-fixture-case' (camunda:formRef)");
  }

  @Test
  void caseModelWithoutCaseListener_stopsStartup_namingFileAndTask(@TempDir Path root, CapturedOutput output)
      throws IOException {
    Path processes = copyFixtures(root);
    // Follows docs/MODELLING.md (form, routing, group, due date) but lacks ${caseReferenceListener}.
    Files.copy(Path.of("src/test/resources/fixtures/fail-closed/missing-case-listener.bpmn"),
        processes.resolve("missing-case-listener.bpmn"));
    Files.copy(Path.of("processes/district-routing.dmn"), processes.resolve("district-routing.dmn"));

    assertThatThrownBy(() -> start("demo", processes, root.resolve("forms")).close())
        .hasStackTraceContaining("missing-case-listener.bpmn: rejected by the process engine");
    assertThat(output).contains("A process model or form could not be deployed")
        .contains("missing-case-listener.bpmn: rejected by the process engine: element 'Task_ReviewCase': process "
            + "'missing-case-listener' has user task 'Task_ReviewCase' but no start listener ${caseReferenceListener}")
        .contains("Nothing was deployed");
  }

  private static ConfigurableApplicationContext start(String profile, Path processes, Path forms, String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "--server.port=0";
    all[1] = "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    all[2] = "--intervention.models.processes-dir=" + processes;
    all[3] = "--intervention.models.forms-dir=" + forms;
    all[4] = "--camunda.bpm.job-execution.enabled=false";
    all[5] = "--management.endpoint.health.group.readiness.include=readinessState,db,processEngine";
    System.arraycopy(args, 0, all, 6, args.length);
    return new SpringApplicationBuilder(InterventionApplication.class).profiles(profile).run(all);
  }

  private static Path copyFixtures(Path root) throws IOException {
    for (String folder : new String[] {"processes", "forms"}) {
      Files.createDirectories(root.resolve(folder));
      try (var files = Files.list(FIXTURES.resolve(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, root.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
    return root.resolve("processes");
  }
}
