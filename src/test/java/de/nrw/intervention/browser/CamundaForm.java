package de.nrw.intervention.browser;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A Camunda Form (form-js) as Tasklist renders it, filled in the way a caseworker does: by the field labels. */
final class CamundaForm {

  /** Our custom script sets form-js's date pickers to dd.MM.yyyy whatever the browser's language. */
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Locator root;

  CamundaForm(Locator root) {
    this.root = root;
    root.locator(".fjs-form-field").first().waitFor();
  }

  CamundaForm text(String label, String value) {
    Locator field = root.getByLabel(label);
    // A date or time picker confirmed just before may render the form once more and take back what was typed here
    // (seen in CI: the conference's location empty after its time): type again until the value stays.
    for (int attempt = 1; attempt <= 3; attempt++) {
      field.fill(value);
      field.page().waitForTimeout(150);
      if (value.equals(field.inputValue())) {
        return this;
      }
    }
    throw new AssertionError("'" + label + "' does not keep the value typed into it: " + value);
  }

  /** Date and time pickers take a value only on Enter (or blur), like a typing user confirms it. */
  CamundaForm date(String label, LocalDate value) {
    Locator field = root.getByLabel(label);
    field.fill(DATE.format(value));
    field.press("Enter");
    return this;
  }

  CamundaForm time(String label, LocalTime value) {
    Locator field = root.getByLabel(label);
    field.fill(TIME.format(value));
    field.press("Enter");
    return this;
  }

  CamundaForm check(String label) {
    root.getByLabel(label).check();
    return this;
  }

  CamundaForm select(String label, String option) {
    root.locator(".fjs-form-field-select").filter(new Locator.FilterOptions().setHasText(label)).click();
    root.locator(".fjs-dropdownlist-item").getByText(option, new Locator.GetByTextOptions().setExact(true)).click();
    return this;
  }

  CamundaForm choose(String optionLabel) {
    root.getByLabel(optionLabel).check();
    return this;
  }

  List<String> labels() {
    return root.locator(".fjs-form-field-label").allInnerTexts().stream()
        .map(label -> label.replace("*", "").trim()).toList();
  }

  String textContent() {
    return root.innerText();
  }

  /** What the fields hold: read-only fields show their value in the input, not in the page text. */
  List<String> inputValues() {
    return root.locator("input, textarea").all().stream().map(Locator::inputValue).toList();
  }

  /** The messages form-js shows under fields that block submission, e.g. "Field is required.". */
  Locator fieldErrors() {
    return root.locator(".fjs-form-field-error");
  }

  Locator field(String label) {
    return root.getByLabel(label);
  }
}
