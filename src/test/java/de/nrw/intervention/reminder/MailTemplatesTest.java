package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.modelcheck.GermanText;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

  private static final MailFacts FACTS = new MailFacts("task-1", "Einhaltung des <Rückkehrverbots> prüfen",
      "Intervention bei häuslicher Gewalt (§34a PolG NRW)",
      "am 04.03.2026 um 09:00 Uhr", "KOE-2026-004711", "https://intervention.example/tasklist/#/?task=task-1");

  @Test
  void german_reminder_subjectAndBothParts() {
    MailTemplates.RenderedMail mail = new MailTemplates(Locale.GERMAN).render(MailKind.REMINDER, FACTS);

    assertThat(mail.subject()).isEqualTo("Erinnerung: „Einhaltung des <Rückkehrverbots> prüfen“ ist fällig am 04.03.2026 um "
        + "09:00 Uhr (Fall KOE-2026-004711)");
    assertThat(mail.text()).contains("Aktenzeichen: KOE-2026-004711", "Aufgabe in der Tasklist öffnen: " + FACTS.taskLink())
        .doesNotContain("Subject:");
    assertThat(mail.html()).contains("lang=\"de\"", "href=\"" + FACTS.taskLink() + "\"");
  }

  @Test
  void html_escapesValues_plainTextKeepsThem() {
    MailTemplates.RenderedMail mail = new MailTemplates(Locale.ENGLISH).render(MailKind.ESCALATION, FACTS);

    assertThat(mail.html()).contains("Einhaltung des &lt;R&uuml;ckkehrverbots&gt; pr&uuml;fen").doesNotContain("<Rückkehrverbots>");
    assertThat(mail.text()).contains("Einhaltung des <Rückkehrverbots> prüfen");
    assertThat(mail.subject()).startsWith("Overdue:");
  }

  @Test
  void unknownLanguage_fallsBackToEnglish() {
    assertThat(new MailTemplates(Locale.FRENCH).render(MailKind.UNREACHABLE, FACTS).subject()).startsWith("No one reachable");
  }

  @ParameterizedTest
  @EnumSource(MailKind.class)
  void germanTemplate_hasNoEnglishLeft(MailKind kind) {
    MailTemplates.RenderedMail mail = new MailTemplates(Locale.GERMAN).render(kind, FACTS);

    // the link's path (tasklist, task) is an address, not text
    assertThat(GermanText.englishWords(mail.subject() + "\n" + mail.text().replace(FACTS.taskLink(), ""))).isEmpty();
    assertThat(GermanText.englishWords(mail.html().replace(FACTS.taskLink(), "").replaceAll("<[^>]*>", " ")))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(MailKind.class)
  void everyTemplate_inBothLanguages_usesOnlyKnownFields_andLinksTheTask(MailKind kind) {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
      MailTemplates.RenderedMail mail = new MailTemplates(locale).render(kind, FACTS);
      assertThat(mail.subject()).contains("KOE-2026-004711");
      assertThat(mail.text()).contains(FACTS.taskLink()).doesNotContain("{{");
      assertThat(mail.html()).contains(FACTS.taskLink()).doesNotContain("{{");
    }
  }
}
