package de.nrw.intervention.calendar;

import java.time.ZoneId;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Gives the engine the platform's zone for the periods and dates it resolves itself: task due dates such as
 * {@code P3D} and timer durations such as {@code ${reviewCycle}} ({@link ZonedBusinessCalendar}). Public, with a
 * zone-id constructor, so the process tests' {@code camunda.cfg.xml} can register it too.
 */
public class PlatformCalendarEnginePlugin extends AbstractProcessEnginePlugin {

  private final PlatformCalendar calendar;

  public PlatformCalendarEnginePlugin(String zoneId) {
    this(new PlatformCalendar(ZoneId.of(zoneId)));
  }

  PlatformCalendarEnginePlugin(PlatformCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new ZonedBusinessCalendar(calendar, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new ZonedBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
