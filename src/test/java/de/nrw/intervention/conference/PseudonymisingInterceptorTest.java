package de.nrw.intervention.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The person number never reaches the engine; only its keyed pseudonym does. */
class PseudonymisingInterceptorTest {

  private final PersonPseudonyms pseudonyms = new PersonPseudonyms("test-key-not-secret");
  private final PseudonymisingInterceptor interceptor = new PseudonymisingInterceptor(pseudonyms);

  @Test
  void personNumber_isReplacedByItsPseudonym() {
    Map<String, Object> variables = new HashMap<>(Map.of("caseReference", "KOE-2026-004711", "personKey", "P 123 456"));

    interceptor.pseudonymise(variables);

    assertThat(variables).doesNotContainKey("personKey").containsEntry("caseReference", "KOE-2026-004711");
    assertThat((String) variables.get("personPseudonym")).hasSize(64).matches("[0-9a-f]+")
        .isEqualTo(pseudonyms.of("p123456")).isNotEqualTo(new PersonPseudonyms("another-key").of("P 123 456"));
  }

  @Test
  void typedPersonNumberFromRest_isReplacedByThePseudonymOfItsValue() {
    Map<String, Object> variables = Variables.createVariables().putValueTyped("personKey", Variables.stringValue("P123456"));

    interceptor.pseudonymise(variables);

    assertThat(variables).containsOnlyKeys("personPseudonym").containsEntry("personPseudonym", pseudonyms.of("P123456"));
  }

  @Test
  void pseudonymSentByTheCaller_isDropped() {
    Map<String, Object> variables = new HashMap<>(Map.of("personPseudonym", "forged"));

    interceptor.pseudonymise(variables);

    assertThat(variables).doesNotContainKey("personPseudonym");
  }

  @Test
  void blankPersonNumber_leavesNoPseudonym() {
    Map<String, Object> variables = new HashMap<>(Map.of("personKey", "  "));

    interceptor.pseudonymise(variables);

    assertThat(variables).isEmpty();
  }

  @Test
  void withoutAKey_refusesToPseudonymise() {
    assertThatThrownBy(() -> new PersonPseudonyms(" ")).hasMessageContaining("INTERVENTION_CONFERENCE_PSEUDONYM_KEY");
  }
}
