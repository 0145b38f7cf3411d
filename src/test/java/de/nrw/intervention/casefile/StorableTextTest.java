package de.nrw.intervention.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Texts the database cannot store, each found by InputFuzzIT as a 500 before. */
class StorableTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\ud800b", "\udc00", "ende\ud83d"})
  void nulAndLoneSurrogates_areRefused(String text) {
    assertThat(StorableText.problem(text)).hasValueSatisfying(problem ->
        assertThat(problem).contains("nicht gespeichert werden"));
  }

  @ParameterizedTest
  @ValueSource(ints = {4000, 4001})
  void textsUpToTheColumnLength_pass_longerOnesAreRefused(int length) {
    String text = "Ä".repeat(length);

    if (length <= StorableText.MAX_LENGTH) {
      assertThat(StorableText.problem(text)).isEmpty();
    } else {
      assertThat(StorableText.problem(text)).hasValue("höchstens 4000 Zeichen, eingegeben wurden 4001");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Grüße 👋 aus Köln", "", "Musterstraße 1\n50667 Köln"})
  void ordinaryTexts_pass(String text) {
    assertThat(StorableText.problem(text)).isEmpty();
  }
}
