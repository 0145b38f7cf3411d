package de.nrw.intervention.conference;

import java.util.Map;

/** For process tests of the models that refer cases to the conferences (the domestic-violence process). */
public final class ConferenceBeans {

  private ConferenceBeans() {
  }

  /** Registers the conference models' beans as Mocks, without a configured series. */
  public static void register() {
    ConferenceFixture.registerBeans(ConferenceFixture.properties(Map.of()));
  }
}
