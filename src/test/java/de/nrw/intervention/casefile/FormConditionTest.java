package de.nrw.intervention.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormConditionTest {

  @Test
  void comparisonsJoinedByOr_followFeel() {
    Map<String, Object> variables = new HashMap<>();
    String hideChildFields = "=childCount = null or childCount < 1";

    assertThat(FormCondition.evaluate(hideChildFields, variables::get)).contains(true);
    variables.put("childCount", 0L);
    assertThat(FormCondition.evaluate(hideChildFields, variables::get)).contains(true);
    variables.put("childCount", 2L);
    assertThat(FormCondition.evaluate(hideChildFields, variables::get)).contains(false);
  }

  @Test
  void notEqualTrue_hidesUnlessTheCheckboxIsTicked() {
    Map<String, Object> variables = new HashMap<>();

    assertThat(FormCondition.evaluate("=expulsionOrderIssued != true", variables::get)).contains(true);
    variables.put("expulsionOrderIssued", true);
    assertThat(FormCondition.evaluate("=expulsionOrderIssued != true", variables::get)).contains(false);
  }

  @Test
  void anythingElse_isUnknown() {
    assertThat(FormCondition.evaluate("=count(items) > 2", name -> null)).isEmpty();
    assertThat(FormCondition.evaluate("not FEEL", name -> null)).isEmpty();
  }
}
