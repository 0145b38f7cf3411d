package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.CONFERENCE_PROCESS_KEY;
import static de.nrw.intervention.conference.CaseConference.Variables.CASE_REFERENCE;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DATE_TIME;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_LOCATION;
import static de.nrw.intervention.conference.CaseConference.Variables.DISTRICT;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts each configured conference of the series ({@code intervention.conference.series}) once its agenda lead has
 * begun, e.g. 7 days before the meeting. Each conference is started once: its reference ({@code FK-KOELN-2026-12-15})
 * is its business key, and a conference that ran or runs under it is not started again (the timer runs daily, on
 * whichever node takes the job).
 */
@Component("startDueConferencesDelegate")
class StartDueConferencesDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StartDueConferencesDelegate.class);
  private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

  private final ConferenceProperties properties;
  private final PlatformCalendar calendar;

  StartDueConferencesDelegate(ConferenceProperties properties, PlatformCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (Map.Entry<String, ConferenceProperties.Series> district : properties.series().entrySet()) {
      for (String date : district.getValue().dates()) {
        ZonedDateTime meeting = calendar.parse(date);
        boolean due = !now.isBefore(meeting.minus(properties.agendaLead()).toInstant()) && now.isBefore(meeting.toInstant());
        if (due) {
          startOnce(execution.getProcessEngineServices(), district.getKey(), district.getValue().location(), meeting);
        }
      }
    }
  }

  static String reference(String district, ZonedDateTime meeting) {
    return "FK-" + district.toUpperCase(Locale.ROOT) + "-" + meeting.toLocalDate();
  }

  private static void startOnce(ProcessEngineServices engine, String district, String location, ZonedDateTime meeting) {
    String reference = reference(district, meeting);
    boolean started = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CONFERENCE_PROCESS_KEY).processInstanceBusinessKey(reference).count() > 0;
    if (started) {
      return;
    }
    engine.getRuntimeService().startProcessInstanceByKey(CONFERENCE_PROCESS_KEY, reference, Variables.createVariables()
        .putValue(CASE_REFERENCE, reference)
        .putValue(DISTRICT, district)
        .putValue(CONFERENCE_DATE_TIME, FORM_DATE_TIME.format(meeting))
        .putValue(CONFERENCE_LOCATION, location));
    LOG.info("Started case conference {} of the series (district {})", reference, district);
  }
}
