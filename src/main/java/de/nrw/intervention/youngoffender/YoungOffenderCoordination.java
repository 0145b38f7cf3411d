package de.nrw.intervention.youngoffender;

import java.util.List;

/**
 * Names shared by the young-offender coordination model ({@code processes/young-offender-coordination.bpmn}),
 * its decisions, forms, beans and tests, so that a rename breaks the build instead of a running case.
 */
final class YoungOffenderCoordination {

  static final String PROCESS_KEY = "young-offender-coordination";
  static final String TRACK_DECISION = "young-offender-track";
  static final String DEADLINES_DECISION = "young-offender-deadlines";

  /** Element ids. */
  static final class Elements {
    static final String START = "StartEvent_CaseReported";
    static final String ROUTE_CASE = "Task_RouteCase";
    static final String DETERMINE_TRACK = "Task_DetermineTrack";
    static final String DETERMINE_DEADLINES = "Task_DetermineDeadlines";
    static final String ASSESS_CHILD_WELFARE_NEEDS = "Task_AssessChildWelfareNeeds";
    static final String HOLD_EDUCATIONAL_CONVERSATION = "Task_HoldEducationalConversation";
    static final String REPORT_MEASURES_TO_PROSECUTOR = "Task_ReportMeasuresToProsecutor";
    static final String OBTAIN_PARENTAL_CONSENT = "Task_ObtainParentalConsent";
    static final String PROGRAMME = "Subprocess_InterventionProgramme";
    static final String START_PROGRAMME_YEAR = "Task_StartProgrammeYear";
    static final String CONVENE_CASE_CONFERENCE = "Task_ConveneCaseConference";
    static final String REPORT_SCHOOL_ATTENDANCE = "Task_ReportSchoolAttendance";
    static final String REPORT_FAMILY_SITUATION = "Task_ReportFamilySituation";
    static final String HOLD_CASE_CONFERENCE = "Task_HoldCaseConference";
    static final String INTERVENTION_PLAN = "Subprocess_CarryOutInterventionPlan";
    static final String CARRY_OUT_MEASURE = "Task_CarryOutMeasure";
    static final String QUARTERLY_REVIEW_DUE = "Event_QuarterlyReviewDue";
    static final String REVIEW_INTERVENTION_PLAN = "Task_ReviewInterventionPlan";
    static final String PROGRAMME_YEAR_ENDED = "Event_ProgrammeYearEnded";
    static final String DECIDE_PROGRAMME_EXTENSION = "Task_DecideProgrammeExtension";
    static final String EIGHTEENTH_BIRTHDAY_REACHED = "Event_EighteenthBirthdayReached";

    static final String CHILD_TRACK_CLOSED = "Event_ChildTrackClosed";
    static final String DIVERSION_CLOSED = "Event_DiversionClosed";
    static final String CONSENT_REFUSED = "Event_ConsentRefused";
    static final String PLAN_CLOSED_BY_REVIEW = "Event_PlanClosedByReview";
    static final String PROGRAMME_CLOSED_BY_REVIEW = "Event_ProgrammeClosedByReview";
    static final String PROGRAMME_ENDED = "Event_ProgrammeEnded";
    static final String MAXIMUM_YEARS_REACHED = "Event_MaximumYearsReached";
    static final String CASE_CLOSED = "Event_CaseClosed";
    static final String AGE_LIMIT_REACHED = "Event_AgeLimitReached";

    private Elements() {
    }
  }

  /** Process variable names. */
  static final class Variables {
    // start form
    static final String CASE_REFERENCE = "caseReference";
    static final String DISTRICT = "district";
    static final String AGE = "age";
    static final String DATE_OF_BIRTH = "dateOfBirth";
    static final String OFFENCE_CATEGORY = "offenceCategory";
    static final String OFFENCES_LAST_12_MONTHS = "offencesLast12Months";
    static final String ATTENDS_SCHOOL = "attendsSchool";
    /** The yes/no social risk factors of the start form; see docs/processes/young-offender-coordination.md. */
    static final List<String> RISK_FACTORS = List.of(
        "riskFamilyConflict",
        "riskPoorParentalSupervision",
        "riskPersistentTruancy",
        "riskSchoolFailure",
        "riskDelinquentPeers",
        "riskEarlySubstanceUse",
        "riskEarlyAntisocialBehaviour");

    // routing (district-routing decision)
    static final String POLICE_GROUP = "policeGroup";
    static final String POLICE_SUPERVISOR_GROUP = "policeSupervisorGroup";
    static final String YOUTH_WELFARE_GROUP = "youthWelfareGroup";
    static final String SCHOOL_GROUP = "schoolGroup";
    static final String COUNSELLING_GROUP = "counsellingGroup";

    // track and deadlines decisions
    static final String RISK_FACTOR_COUNT = "riskFactorCount";
    static final String TRACK = "track";
    static final String PROGRAMME_DURATION = "programmeDuration";
    static final String MAX_PROGRAMME_YEARS = "maxProgrammeYears";
    static final String CONFERENCE_DUE = "conferenceDue";
    static final String EIGHTEENTH_BIRTHDAY = "eighteenthBirthday";

    // intervention programme
    static final String PARENTAL_CONSENT = "parentalConsent";
    static final String CLOSURE_REASON = "closureReason";
    static final String PROGRAMME_YEAR = "programmeYear";
    static final String PROGRAMME_YEAR_END_DATE = "programmeYearEndDate";
    static final String CONFERENCE_LATEST_DATE = "conferenceLatestDate";
    static final String CONFERENCE_DATE = "conferenceDate";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String PROGRAMME_EXTENSION = "programmeExtension";

    /** Measure slots of the conference form: measure1Description, measure1Agency, measure1DueDate, ... */
    static final int MEASURE_SLOTS = 4;
    static final String MEASURE_NUMBER = "measureNumber";
    static final String MEASURE_DESCRIPTION = "measureDescription";
    static final String MEASURE_AGENCY_GROUP = "measureAgencyGroup";
    static final String MEASURE_DUE_DATE = "measureDueDate";
    static final String MEASURE_OUTCOME = "measureOutcome";

    static String measureDescription(int number) {
      return "measure" + number + "Description";
    }

    static String measureAgency(int number) {
      return "measure" + number + "Agency";
    }

    static String measureDueDate(int number) {
      return "measure" + number + "DueDate";
    }

    private Variables() {
    }
  }

  /** Values of {@link Variables#TRACK}, the outputs of the {@value #TRACK_DECISION} decision. */
  static final class Tracks {
    static final String CHILD = "child";
    static final String DIVERSION = "diversion";
    static final String INTENSIVE = "intensive";
    static final String REPEAT_OFFENDER = "repeatOffender";

    private Tracks() {
    }
  }

  private YoungOffenderCoordination() {
  }
}
