package de.nrw.intervention.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardCsvTest {

  @Test
  void field_quotesSeparatorsQuotesAndLineBreaks_andDefusesFormulas() {
    assertThat(BoardCsv.field("Fall abschließen")).isEqualTo("Fall abschließen");
    assertThat(BoardCsv.field("a;b")).isEqualTo("\"a;b\"");
    assertThat(BoardCsv.field("sagt \"nein\"")).isEqualTo("\"sagt \"\"nein\"\"\"");
    assertThat(BoardCsv.field("zwei\nZeilen")).isEqualTo("\"zwei\nZeilen\"");
    assertThat(BoardCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(BoardCsv.field(null)).isEmpty();
  }
}
