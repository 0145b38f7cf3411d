package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Scenario 3 of issue 8: a police supervisor watches the district's running cases in Cockpit. */
@BrowserTest
class BrowserCockpitIT {

  private static final String DOMESTIC_VIOLENCE = "Domestic-violence intervention (§34a PolG NRW)";
  private static final String YOUNG_OFFENDER = "Young offender coordination";

  @Test
  void supervisor_seesKoelnInstancesButNotBonn_andWhereACaseWaits(BrowserSession browser, RunningApp app) {
    Cases cases = new Cases(app);
    cases.domesticViolenceWithExpulsionOrder("KOE-2026-830001", "koeln");
    cases.youngOffender("KOE-2026-830002", "koeln");
    cases.domesticViolenceWithExpulsionOrder("BN-2026-830003", "bonn");
    cases.youngOffender("BN-2026-830004", "bonn");

    Cockpit cockpit = browser.cockpit("supervisor").processes();
    assertThat(cockpit.processRow(DOMESTIC_VIOLENCE)).isVisible();
    assertThat(cockpit.processRow(YOUNG_OFFENDER)).isVisible();
    cockpit.step("processes");

    // TODO(issue 6): delete this guard once the per-district PROCESS_INSTANCE READ for supervisors is merged.
    assumeSupervisorMayReadKoelnInstances(app);

    cockpit.openProcess(DOMESTIC_VIOLENCE);
    assertThat(cockpit.instanceRow("KOE-2026-830001")).isVisible();
    assertThat(cockpit.instanceRow("BN-2026-830003")).hasCount(0);
    cockpit.step("domestic-violence-instances-of-koeln");

    cockpit.openInstance("KOE-2026-830001");
    assertThat(cockpit.runningBadge(Elements.CHECK_BAN_COMPLIANCE)).isVisible();
    assertThat(cockpit.runningBadge(Elements.CHECK_BAN_COMPLIANCE)).hasText("1");
    cockpit.step("case-waits-at-ban-check");

    cockpit.processes().openProcess(YOUNG_OFFENDER);
    assertThat(cockpit.instanceRow("KOE-2026-830002")).isVisible();
    assertThat(cockpit.instanceRow("BN-2026-830004")).hasCount(0);
    cockpit.step("young-offender-instances-of-koeln");
  }

  /**
   * Today supervisors have Cockpit access and may read the definitions, but no grant on process instances yet
   * (the security work of issue 6 adds it per district). Until then Cockpit shows them no instance: abort, not fail.
   */
  private static void assumeSupervisorMayReadKoelnInstances(RunningApp app) {
    IdentityService identity = app.bean(IdentityService.class);
    identity.setAuthentication("supervisor", List.of("policeSupervisorKoeln"));
    try {
      long visible = app.bean(RuntimeService.class).createProcessInstanceQuery()
          .processInstanceBusinessKey("KOE-2026-830001").count();
      Assumptions.assumeTrue(visible == 1,
          "needs per-district process-instance READ from issue 6: supervisor sees no Köln instance in Cockpit yet");
    } finally {
      identity.clearAuthentication();
    }
  }
}
