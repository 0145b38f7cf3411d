package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.junit.jupiter.api.Test;

class DeadlineJobConfigurationTest {

  @Test
  void canonicalString_roundTrips() {
    DeadlineJobConfiguration configuration = new DeadlineJobConfiguration(DeadlineKind.ESCALATION, "abc-123", 1_772_438_400_000L);

    assertThat(DeadlineJobConfiguration.parse(configuration.toCanonicalString())).isEqualTo(configuration);
  }

  @Test
  void dueDate_sameWithinASecond_becauseSomeDatabasesRoundMilliseconds() {
    DeadlineJobConfiguration configuration = new DeadlineJobConfiguration(DeadlineKind.REMINDER, "t", 1_000_500L);

    assertThat(configuration.isFor(new Date(1_001_000L))).isTrue();
    assertThat(configuration.isFor(new Date(1_000_000L))).isTrue();
    assertThat(configuration.isFor(new Date(1_060_500L))).isFalse();
    assertThat(configuration.isFor(null)).isFalse();
  }
}
