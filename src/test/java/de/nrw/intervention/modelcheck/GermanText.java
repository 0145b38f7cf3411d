package de.nrw.intervention.modelcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Finds English left in what users read: BPMN names (Tasklist, Cockpit, mail subjects), user-task documentation
 * (the task description), DMN names, column labels and rule annotations (Cockpit), and form labels, descriptions, texts and option
 * labels. A text counts as English when it contains a word from {@link #ENGLISH}, a list of common English words
 * that are not also German words ("die", "man", "Plan", "Standard" are not on it). Proper names and fixed terms
 * that stay English are in {@link #ALLOWED}, listed in docs/GLOSSARY.md.
 */
public final class GermanText {

  /** English names and terms users read as they are, not as translations. */
  static final List<String> ALLOWED = List.of(
      "SafeLives DASH Risk Identification Checklist", "DASH RIC", "DASH", "Communities That Care", "CTC",
      "Kurve kriegen", "Tasklist", "Cockpit");

  /** Common English words that German does not share; lower case. */
  static final Set<String> ENGLISH = Set.of(
      "the", "and", "of", "to", "is", "are", "with", "for", "from", "by", "this", "that", "these", "your", "you", "my",
      "our", "not", "yes", "or", "if", "at", "on", "be", "been", "has", "have", "had", "it", "its", "which", "what",
      "who", "when", "where", "all", "any", "each", "every", "other", "more", "after", "before", "within", "without",
      "case", "cases", "task", "tasks", "check", "checked", "risk", "high", "low", "ban", "order", "victim", "child",
      "children", "school", "police", "court", "family", "report", "reported", "record", "recorded", "assess",
      "contact", "observe", "review", "close", "closed", "open", "due", "overdue", "days", "day", "date", "time",
      "notes", "reason", "outcome", "measure", "measures", "agency", "district", "phone", "address", "number",
      "offence", "offender", "young", "consent", "parents", "conference", "safety", "programme", "year", "years",
      "ended", "end", "started", "decision", "decide", "extend", "continue", "always", "attends", "support",
      "welfare", "youth", "counselling", "centre", "protection", "applied", "message", "expulsion", "return",
      "violation", "violated", "respected", "hold", "carry", "out", "obtain", "determine", "route", "assessment",
      "level", "judgement", "professional", "repeat", "prevention", "track", "under", "should", "must",
      "please", "field", "required", "group", "reference", "details", "proposed", "agreed", "contributions",
      "participants", "location", "issued", "reached", "found", "taken", "given", "refused", "none");

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FORM_TEXT_KEYS = Set.of("label", "description", "text", "dateLabel", "timeLabel");

  private GermanText() {
  }

  /** The English words of {@code text}, lower case, in order; empty when the text reads German. */
  public static List<String> englishWords(String text) {
    String rest = text;
    for (String allowed : ALLOWED) {
      rest = rest.replace(allowed, " ");
    }
    List<String> english = new ArrayList<>();
    Matcher words = WORD.matcher(rest);
    while (words.find()) {
      String word = words.group().toLowerCase(Locale.ROOT);
      if (ENGLISH.contains(word)) {
        english.add(word);
      }
    }
    return english;
  }

  /** One line per user-visible text with English words: {@code <file> [<element>] "<text>": <words>}. */
  public static List<String> englishTexts(Path processesDir, Path formsDir) {
    List<String> problems = new ArrayList<>();
    for (Path file : files(processesDir, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        check(problems, file, process.getId(), process.getName());
      }
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        check(problems, file, element.getId(), element.getName());
        if (element instanceof UserTask task) {
          task.getDocumentations().forEach(doc -> check(problems, file, task.getId(), doc.getTextContent()));
        }
      }
    }
    for (Path file : files(processesDir, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(Definitions.class).forEach(d -> check(problems, file, d.getId(), d.getName()));
      model.getModelElementsByType(Decision.class).forEach(d -> check(problems, file, d.getId(), d.getName()));
      model.getModelElementsByType(Input.class).forEach(i -> check(problems, file, i.getId(), i.getLabel()));
      model.getModelElementsByType(Output.class).forEach(o -> check(problems, file, o.getId(), o.getLabel()));
      // Cockpit shows a rule's description as the table's annotation column
      for (Rule rule : model.getModelElementsByType(Rule.class)) {
        if (rule.getDescription() != null) {
          check(problems, file, rule.getId(), rule.getDescription().getTextContent());
        }
      }
    }
    for (Path file : files(formsDir, ".form")) {
      try {
        checkForm(problems, file, JSON.readTree(file.toFile()).path("components"));
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
    return problems;
  }

  private static void checkForm(List<String> problems, Path file, JsonNode components) {
    for (JsonNode component : components) {
      String id = component.path("id").asText(component.path("key").asText());
      component.fields().forEachRemaining(entry -> {
        if (FORM_TEXT_KEYS.contains(entry.getKey()) && entry.getValue().isTextual()) {
          check(problems, file, id, entry.getValue().asText());
        }
      });
      for (JsonNode option : component.path("values")) {
        check(problems, file, id, option.path("label").asText());
      }
      checkForm(problems, file, component.path("components"));
    }
  }

  private static void check(List<String> problems, Path file, String element, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    List<String> english = englishWords(text);
    if (!english.isEmpty()) {
      problems.add(file.getParent().getFileName() + "/" + file.getFileName() + " [" + element + "] \"" + text
          + "\": English " + english + "; write it in German (docs/GLOSSARY.md)");
    }
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
