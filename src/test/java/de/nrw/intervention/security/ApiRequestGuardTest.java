package de.nrw.intervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The variable checks of case starts and completions, each found by InputFuzzIT as a 500 before. Texts the database
 * cannot store: {@code casefile.StorableTextTest}.
 */
class ApiRequestGuardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"note\":{\"value\":[1,2],\"type\":\"Json\"}}                  | der Typ 'Json' wird hier nicht angenommen",
      "{\"note\":{\"value\":99999999999999999999,\"type\":\"Long\"}}    | ist kein gültiger Wert vom Typ ganze Zahl",
      "{\"note\":{\"value\":3000000000,\"type\":\"Integer\"}}           | ist kein gültiger Wert vom Typ ganze Zahl",
      "{\"note\":{\"value\":\"vier\",\"type\":\"Long\"}}                | ist kein gültiger Wert vom Typ ganze Zahl"})
  void refusedValues_nameTheVariable(String variables, String message) throws Exception {
    ApiRequestGuard.VariableProblem problem = ApiRequestGuard.illTypedVariable(JSON.readTree(variables));

    assertThat(problem).isNotNull();
    assertThat(problem.field()).isEqualTo("note");
    assertThat(problem.message()).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"note\":{\"value\":\"Grüße 👋 aus Köln\",\"type\":\"String\"}}",
      "{\"n\":{\"value\":15,\"type\":\"Long\"},\"b\":{\"value\":true,\"type\":\"Boolean\"},\"d\":{\"value\":null,\"type\":\"Null\"}}"})
  void ordinaryValues_pass(String variables) throws Exception {
    assertThat(ApiRequestGuard.illTypedVariable(JSON.readTree(variables))).isNull();
  }
}
