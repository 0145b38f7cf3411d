package de.nrw.intervention.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class FormConditionTest {

  @Test
  void comparisonsJoinedByOr_followFeel() {
    Map<String, Object> variables = new HashMap<>();
    String hideChildFields = "=childCount = null or childCount < 1";

    assertThat(FormCondition.evaluate("childAges", hideChildFields, variables::get)).contains(true);
    variables.put("childCount", 0L);
    assertThat(FormCondition.evaluate("childAges", hideChildFields, variables::get)).contains(true);
    variables.put("childCount", 2L);
    assertThat(FormCondition.evaluate("childAges", hideChildFields, variables::get)).contains(false);
  }

  @Test
  void notEqualTrue_hidesUnlessTheCheckboxIsTicked() {
    Map<String, Object> variables = new HashMap<>();

    assertThat(FormCondition.evaluate("orderDate", "=expulsionOrderIssued != true", variables::get)).contains(true);
    variables.put("expulsionOrderIssued", true);
    assertThat(FormCondition.evaluate("orderDate", "=expulsionOrderIssued != true", variables::get)).contains(false);
  }

  @Test
  void anythingElse_isUnknown() {
    assertThat(FormCondition.evaluate("items", "=count(items) > 2", name -> null)).isEmpty();
    assertThat(FormCondition.evaluate("items", "not FEEL", name -> null)).isEmpty();
  }

  @Test
  void functions_followFeel() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("expulsionOrderIssued", false);

    assertThat(FormCondition.evaluate("orderDate", "=not(expulsionOrderIssued)", variables::get)).contains(true);
    variables.put("expulsionOrderIssued", true);
    assertThat(FormCondition.evaluate("orderDate", "=not(expulsionOrderIssued)", variables::get)).contains(false);
  }

  @Test
  void listsAndStrings_followFeel() {
    Map<String, Object> variables = new HashMap<>(Map.of("childCount", 2L, "x", "b", "district", "Köln-Mülheim"));

    assertThat(FormCondition.evaluate("f", "=childCount > 0 and list contains([\"a\",\"b\"], x)", variables::get))
        .contains(true);
    variables.put("x", "c");
    assertThat(FormCondition.evaluate("f", "=childCount > 0 and list contains([\"a\",\"b\"], x)", variables::get))
        .contains(false);
    assertThat(FormCondition.evaluate("f", "=starts with(lower case(district), \"köln\")", variables::get))
        .contains(true);
    assertThat(FormCondition.evaluate("f", "=string length(x) = 1 and upper case(x) = \"C\"", variables::get))
        .contains(true);
  }

  @Test
  void inRangesAndLists_followFeel() {
    Map<String, Object> variables = new HashMap<>(Map.of("age", 15L, "track", "child"));

    assertThat(FormCondition.evaluate("f", "=age in [14..17]", variables::get)).contains(true);
    assertThat(FormCondition.evaluate("f", "=age in (< 14)", variables::get)).contains(false);
    assertThat(FormCondition.evaluate("f", "=track in (\"child\", \"intensive\")", variables::get)).contains(true);
  }

  @Test
  void missingVariables_areNull_asInTheForm() {
    assertThat(FormCondition.evaluate("f", "=childCount = null", name -> null)).contains(true);
    assertThat(FormCondition.evaluate("f", "=childCount > 0", name -> null)).as("null > 0 is null").isEmpty();
  }

  @Test
  void brokenCondition_isUnknown_andWarnedOnceNamingTheField_withoutValues(CapturedOutput output) {
    Map<String, Object> variables = Map.of("victimName", "A. Example");

    assertThat(FormCondition.evaluate("victimPhone", "=victimName = ", variables::get)).isEmpty();
    assertThat(FormCondition.evaluate("victimPhone", "=victimName = ", variables::get)).isEmpty();

    assertThat(output.getAll()).containsOnlyOnce("Form field 'victimPhone'").doesNotContain("A. Example");
  }

  @Test
  void failingCondition_isWarnedWithoutTheValuesItFailedOn(CapturedOutput output) {
    Map<String, Object> variables = Map.of("victimName", "A. Example");

    assertThat(FormCondition.evaluate("victimAddress", "=assert(victimName, false)", variables::get)).isEmpty();

    assertThat(output.getAll()).containsOnlyOnce("Form field 'victimAddress'").doesNotContain("A. Example");
  }
}
