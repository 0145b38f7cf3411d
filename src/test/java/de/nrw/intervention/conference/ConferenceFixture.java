package de.nrw.intervention.conference;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.casefile.CaseReferenceListener;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;

/** The conference models' beans for a plain process engine, as the application wires them. */
final class ConferenceFixture {

  static final PlatformCalendar CALENDAR = new PlatformCalendar(ZoneId.of("Europe/Berlin"));

  private ConferenceFixture() {
  }

  static ConferenceProperties properties(Map<String, ConferenceProperties.Series> series) {
    return new ConferenceProperties(Period.ofDays(3), Period.ofDays(7), Period.ofMonths(12), "test-key-not-secret", series);
  }

  static void registerBeans(ConferenceProperties properties) {
    ConferenceDates dates = new ConferenceDates(CALENDAR, properties);
    ConferenceAgencyGroups agencies = new ConferenceAgencyGroups();
    Mocks.register("caseReferenceListener", new CaseReferenceListener());
    Mocks.register("conferenceDates", dates);
    Mocks.register("conferenceAgencyGroups", agencies);
    ConferenceActions actions = new ConferenceActions(dates);
    Mocks.register("conferenceActions", actions);
    Mocks.register("assignConferenceActionListener", new AssignConferenceActionListener(actions));
    Mocks.register("recordPreparationListener", new RecordPreparationListener());
    Mocks.register("recordConferenceResultListener", new RecordConferenceResultListener(agencies));
    Mocks.register("drawUpAgendaDelegate", new DrawUpAgendaDelegate());
    Mocks.register("closeConferenceListener", new CloseConferenceListener());
    Mocks.register("startDueConferencesDelegate", new StartDueConferencesDelegate(properties, CALENDAR));
    Mocks.register("recogniseRepeatReferralListener",
        new RecogniseRepeatReferralListener(new RepeatReferrals(properties.repeatWindow(), CALENDAR.zone())));
  }


  static Date date(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }
}
