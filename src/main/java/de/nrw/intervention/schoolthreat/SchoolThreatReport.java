package de.nrw.intervention.schoolthreat;

import java.util.List;

/**
 * Names shared by {@code processes/school-threat-report.bpmn}, its forms, its deadlines decision and the tests. The
 * process needs no code of its own: the platform's beans and listeners do everything it needs.
 */
public final class SchoolThreatReport {

  public static final String PROCESS_KEY = "school-threat-report";
  public static final String DEADLINES_DECISION = "school-threat-report-deadlines";

  private SchoolThreatReport() {
  }

  public static final class Elements {
    public static final String THREAT_REPORTED = "Event_ThreatReported";
    public static final String ASSESS_THREAT = "Task_AssessThreat";
    public static final String ACKNOWLEDGE_THREAT_REPORT = "Task_AcknowledgeThreatReport";
    public static final String TAKE_NOTE_OF_THREAT_OUTCOME = "Task_TakeNoteOfThreatOutcome";
    public static final String ASSESS_PUPIL_SUPPORT_NEEDS = "Task_AssessPupilSupportNeeds";
    public static final String HOLD_THREAT_CASE_CONFERENCE = "Task_HoldThreatCaseConference";
    public static final String CLOSE_THREAT_CASE = "Task_CloseThreatCase";
    public static final String THREAT_CASE_CLOSED = "Event_ThreatCaseClosed";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final String CASE_REFERENCE = "caseReference";
    public static final String DISTRICT = "district";
    public static final String THREAT_DESCRIPTION = "threatDescription";
    public static final String THREAT_DATE_TIME = "threatDateTime";
    /** {@code minorPupil}, {@code adultPupil} or {@code unknown}: a minor pupil brings in the Jugendamt. */
    public static final String THREATENED_BY = "threatenedBy";
    public static final String PUPIL_NAME_AND_CLASS = "pupilNameAndClass";
    public static final String KNOWN_THROUGH = "knownThrough";
    public static final String REPORTER_PHONE = "reporterPhone";
    /** {@code danger} or {@code noDanger}: the part of the police's assessment the school is told. */
    public static final String DANGER_ASSESSED = "dangerAssessed";
    /** What the school must do, written by the police for the school. */
    public static final String SCHOOL_MEASURES = "schoolMeasures";
    /** The police's own: never on a school's form. */
    public static final String IMMEDIATE_MEASURES = "immediateMeasures";
    public static final String THREAT_ASSESSMENT_NOTES = "threatAssessmentNotes";
    public static final String CRISIS_SUPPORT_OFFERED = "crisisSupportOffered";
    public static final String PUPIL_SUPPORT_OUTCOME = "pupilSupportOutcome";
    public static final String PUPIL_SUPPORT_NOTES = "pupilSupportNotes";
    public static final String CONFERENCE_HELD_ON = "conferenceHeldOn";
    public static final String CONFERENCE_AGREEMENTS = "conferenceAgreements";
    public static final String CASE_SUMMARY = "caseSummary";
    /** Set on the police's assessment only; {@code intervention.task-priority} makes {@code urgent} tasks top the inbox. */
    public static final String TASK_URGENCY = "taskUrgency";

    /** The police's assessment as the school must never read it. */
    public static final List<String> POLICE_ONLY = List.of(IMMEDIATE_MEASURES, THREAT_ASSESSMENT_NOTES);

    private Variables() {
    }
  }
}
