package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention.Elements;
import org.junit.jupiter.api.Test;

/** Scenario 3 of issue 8: a police supervisor watches the district's running cases in Cockpit. */
@BrowserTest
class BrowserCockpitIT {

  private static final String DOMESTIC_VIOLENCE = "Intervention bei häuslicher Gewalt (§34a PolG NRW)";
  private static final String YOUNG_OFFENDER = "Fallkoordination Jugendkriminalität";

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
}
