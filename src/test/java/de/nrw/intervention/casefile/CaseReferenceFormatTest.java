package de.nrw.intervention.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The police reference formats the start accepts: those the authorities write, and no free text. */
class CaseReferenceFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {"KOE-2026-004711", "VG 2026/004712", "BN-2026-000815", "K.12-2026/17", "ST_2026_1",
      "DO 123/26", "MÜ-2026-1", "KOE-BAD-DUPLICATE"})
  void policeReferences_areAccepted(String reference) {
    assertThat(CaseReferenceListener.isWellFormed(reference)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "K1", " KOE-2026-1", "KOE-2026-1 ", "-KOE-2026", "KOE-2026/", "Anna, 12.3.",
      "KOE\n2026", "KOE:2026:1", "<b>KOE</b>",
      "KOE-2026-00471100000000000000000000000000000000000000000000000000000"})
  void freeTextAndOddShapes_areRefused(String reference) {
    assertThat(CaseReferenceListener.isWellFormed(reference)).isFalse();
  }

  @Test
  void sixtyFourCharacters_areTheLimit() {
    String reference = "KOE-2026-" + "0".repeat(55);
    assertThat(reference).hasSize(64);
    assertThat(CaseReferenceListener.isWellFormed(reference)).isTrue();
  }

  @Test
  void refusal_namesTheFieldAsTheFormDoes_andShowsExamplesNotARegex() {
    InvalidCaseDataException refusal = new InvalidCaseDataException(CaseReferenceListener.VARIABLE,
        CaseReferenceListener.LABEL, CaseReferenceListener.FORMAT_HINT);

    assertThat(refusal.getMessage()).startsWith("Aktenzeichen: bitte wie KOE-2026-004711 oder VG 2026/004712 eingeben")
        .doesNotContain("^").doesNotContain("[").doesNotContain("{");
    assertThat(refusal.getField()).isEqualTo("caseReference");
  }
}
