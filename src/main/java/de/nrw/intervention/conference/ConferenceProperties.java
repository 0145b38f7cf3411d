package de.nrw.intervention.conference;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The districts' case conferences (docs/processes/district-case-conference.md). Local practice, so configuration;
 * the defaults are in {@code application.yaml}.
 *
 * @param preparationLead how long before the meeting each agency's preparation is due
 * @param agendaLead how long before a series date its conference is started and its agenda drawn up
 * @param repeatWindow a case referred again within this period of an earlier referral is a repeat (SafeLives: 12 months)
 * @param pseudonymKey the secret key of the person pseudonym (HMAC-SHA256); prod refuses to start without one
 * @param series per district (routing key, e.g. {@code koeln}) the place and the dates of its conferences
 */
@ConfigurationProperties("intervention.conference")
public record ConferenceProperties(
    Period preparationLead,
    Period agendaLead,
    Period repeatWindow,
    String pseudonymKey,
    Map<String, Series> series) {

  public ConferenceProperties {
    series = series == null ? Map.of() : Map.copyOf(series);
  }

  /**
   * @param location where the district's conferences meet (room or video link)
   * @param dates the meetings, local date-times in the platform's zone, e.g. {@code 2026-12-15T10:00}
   */
  public record Series(String location, List<String> dates) {

    public Series {
      dates = dates == null ? List.of() : List.copyOf(dates);
    }
  }
}
