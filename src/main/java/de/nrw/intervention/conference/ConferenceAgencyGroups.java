package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_AGENCIES;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The groups of the agencies at a case's conference, which the caller passes as one comma-separated text: a list
 * variable would need Java serialization, which the platform keeps off. They prepare the case and may own its
 * actions; only they read its minutes.
 *
 * <p>Public because the process model calls it through JUEL.
 */
@Component("conferenceAgencyGroups")
public class ConferenceAgencyGroups {

  public List<String> list(VariableScope caseVariables) {
    return parse(caseVariables.getVariable(CONFERENCE_AGENCIES));
  }

  static List<String> parse(Object joined) {
    if (!(joined instanceof String text) || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(group -> !group.isEmpty()).distinct().toList();
  }

  static String join(List<String> groups) {
    return String.join(",", groups);
  }
}
