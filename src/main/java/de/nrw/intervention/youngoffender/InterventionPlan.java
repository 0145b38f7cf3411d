package de.nrw.intervention.youngoffender;

import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.MEASURE_SLOTS;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.measureAgency;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.measureDescription;
import static de.nrw.intervention.youngoffender.YoungOffenderCoordination.Variables.measureDueDate;

import de.nrw.intervention.casefile.InvalidCaseDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reads the intervention plan that the case conference records in fixed measure slots
 * ({@code measure1Description}, {@code measure1Agency}, {@code measure1DueDate}, ...).
 *
 * <p>The plan stays in plain string variables because the engine does not store Java collections; the
 * multi-instance task iterates over the numbers of the filled slots, which this bean computes each time.
 * Public because JUEL only calls methods of public classes.
 */
@Component("interventionPlan")
public class InterventionPlan {

  /** Responsible agency on the conference form → routing variable holding that agency's district group. */
  private static final Map<String, String> AGENCY_GROUP_VARIABLES = Map.of(
      "police", YoungOffenderCoordination.Variables.POLICE_GROUP,
      "youthWelfare", YoungOffenderCoordination.Variables.YOUTH_WELFARE_GROUP,
      "school", YoungOffenderCoordination.Variables.SCHOOL_GROUP,
      "counselling", YoungOffenderCoordination.Variables.COUNSELLING_GROUP);

  private final YoungOffenderDates dates;

  public InterventionPlan(YoungOffenderDates dates) {
    this.dates = dates;
  }

  /** Numbers of the measure slots the conference filled in, in slot order. */
  public List<Integer> measureNumbers(VariableScope variables) {
    List<Integer> numbers = new ArrayList<>();
    for (int number = 1; number <= MEASURE_SLOTS; number++) {
      if (!text(variables, measureDescription(number)).isEmpty()) {
        numbers.add(number);
      }
    }
    return numbers;
  }

  public String description(VariableScope variables, Object number) {
    return text(variables, measureDescription(slot(number)));
  }

  /** The district group of the measure's responsible agency, e.g. {@code schoolKoeln}. */
  public String agencyGroup(VariableScope variables, Object number) {
    String field = measureAgency(slot(number));
    String groupVariable = AGENCY_GROUP_VARIABLES.get(text(variables, field));
    if (groupVariable == null) {
      throw new InvalidCaseDataException(field, "Maßnahme " + slot(number) + ", zuständige Stelle",
          "bitte eine der Stellen " + AGENCY_GROUP_VARIABLES.keySet() + " wählen");
    }
    return (String) variables.getVariable(groupVariable);
  }

  /** The measure's due day as an ISO date ({@code 2026-12-10}), whatever date type the form or REST sent. */
  public String dueDay(VariableScope variables, Object number) {
    String field = measureDueDate(slot(number));
    Object value = variables.getVariable(field);
    if (value == null || "".equals(value)) {
      throw new InvalidCaseDataException(field, "Maßnahme " + slot(number) + ", Fälligkeit",
          "bitte für jede Maßnahme ein Datum angeben");
    }
    return dates.toLocalDate(value).toString();
  }

  private static int slot(Object number) {
    return YoungOffenderDates.wholeNumber(number, YoungOffenderCoordination.Variables.MEASURE_NUMBER);
  }

  private static String text(VariableScope variables, String name) {
    Object value = variables.getVariable(name);
    return value == null ? "" : value.toString().trim();
  }
}
