package de.nrw.intervention.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What users read in processes/ and forms/ is German; the check itself catches English. */
class GermanTextTest {

  @Test
  void realModelsAndForms_areGerman() {
    assertThat(GermanText.englishTexts(Path.of("processes"), Path.of("forms"))).isEmpty();
  }

  @Test
  void englishLabel_isFound() {
    assertThat(GermanText.englishWords("Check compliance with the return ban")).containsExactly("check", "with",
        "the", "return", "ban");
    assertThat(GermanText.englishWords("Overdue in my district")).containsExactly("overdue", "my", "district");
  }

  @Test
  void germanText_andAllowedTerms_pass() {
    assertThat(GermanText.englishWords("Einhaltung des Rückkehrverbots prüfen")).isEmpty();
    assertThat(GermanText.englishWords("Die Fragen stammen aus der SafeLives DASH Risk Identification Checklist"))
        .isEmpty();
    assertThat(GermanText.englishWords("Plan fortsetzen: Standard, Diversion (§45 JGG), Kurve kriegen")).isEmpty();
  }

  @Test
  void englishInAFormOptionABpmnNameAndADmnLabel_isReportedWithFileAndElement() throws IOException {
    Path dir = Files.createTempDirectory("german-text");
    try {
      Path processes = Files.createDirectories(dir.resolve("processes"));
      Path forms = Files.createDirectories(dir.resolve("forms"));
      Files.writeString(forms.resolve("f.form"), """
          {"id": "f", "components": [{"type": "select", "key": "k", "id": "Field_K", "label": "Ergebnis",
            "values": [{"label": "Victim reached", "value": "reached"}]}]}
          """);
      Files.writeString(processes.resolve("p.bpmn"), """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
            <bpmn:process id="p" name="Fall bearbeiten" isExecutable="true">
              <bpmn:userTask id="Task_Close" name="Close the case" />
            </bpmn:process>
          </bpmn:definitions>
          """);
      Files.writeString(processes.resolve("r.dmn"), """
          <?xml version="1.0" encoding="UTF-8"?>
          <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="r-d" name="Zuordnung" namespace="n">
            <decision id="r" name="Zuordnen">
              <decisionTable id="t">
                <input id="in" label="Risk level"><inputExpression id="e" typeRef="string"><text>x</text></inputExpression></input>
                <output id="out" label="Gruppe" name="g" typeRef="string" />
              </decisionTable>
            </decision>
          </definitions>
          """);

      assertThat(GermanText.englishTexts(processes, forms)).containsExactly(
          "processes/p.bpmn [Task_Close] \"Close the case\": English [close, the, case]; write it in German "
              + "(docs/GLOSSARY.md)",
          "processes/r.dmn [in] \"Risk level\": English [risk, level]; write it in German (docs/GLOSSARY.md)",
          "forms/f.form [Field_K] \"Victim reached\": English [victim, reached]; write it in German "
              + "(docs/GLOSSARY.md)");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
