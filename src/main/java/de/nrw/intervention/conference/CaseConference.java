package de.nrw.intervention.conference;

import java.util.List;

/**
 * Names shared by the three conference models ({@code processes/conference-series.bpmn},
 * {@code processes/district-case-conference.bpmn}, {@code processes/conference-case.bpmn}), their forms, beans and
 * tests. A rename here breaks the build instead of a running conference.
 */
public final class CaseConference {

  /** One instance per conference of a district; holds only the case references of its agenda, never case data. */
  public static final String CONFERENCE_PROCESS_KEY = "district-case-conference";
  /** One instance per referred case, across conferences: preparation, result (the minutes) and actions. */
  public static final String CASE_PROCESS_KEY = "conference-case";
  /** Not a case: a timer that starts the configured conferences of every district. */
  public static final String SERIES_PROCESS_KEY = "conference-series";

  private CaseConference() {
  }

  public static final class Elements {
    // district-case-conference
    public static final String CONFERENCE_CALLED = "Event_ConferenceCalled";
    public static final String DRAW_UP_AGENDA = "Task_DrawUpAgenda";
    public static final String HOLD_CASE_CONFERENCE = "Task_HoldCaseConference";
    public static final String CONFERENCE_CANCELLED = "Event_ConferenceCancelled";
    public static final String CONFERENCE_HELD = "Event_ConferenceHeld";
    // conference-case
    public static final String AWAIT_CONFERENCE = "Gateway_AwaitConference";
    public static final String PUT_ON_AGENDA = "Event_PutOnAgenda";
    public static final String TAKEN_OFF_AGENDA = "Event_TakenOffAgenda";
    public static final String PREPARE_CASE_CONFERENCE = "Task_PrepareCaseConference";
    public static final String CONFERENCE_BEGINS = "Event_ConferenceBegins";
    public static final String RECORD_CONFERENCE_RESULT = "Task_RecordConferenceResult";
    public static final String CARRY_OUT_ACTION = "Task_CarryOutAction";
    public static final String CASE_LEFT_AGENDA = "Event_CaseLeftAgenda";
    public static final String CLOSED_BY_CONFERENCE = "Event_ClosedByConference";
    public static final String ACTIONS_DONE = "Event_ActionsDone";
    // conference-series
    public static final String START_DUE_CONFERENCES = "Task_StartDueConferences";

    private Elements() {
    }
  }

  /** Correlated by the conference to each waiting case instance of its district, by process instance id. */
  public static final class Messages {
    /** The case is on the agenda of the conference named in {@link Variables#CONFERENCE_REFERENCE}. */
    public static final String PUT_ON_AGENDA = "CaseConferencePutOnAgenda";
    /** The case has no open action and nothing to discuss again: it leaves the conference's agenda. */
    public static final String TAKEN_OFF_AGENDA = "CaseConferenceTakenOffAgenda";

    private Messages() {
    }
  }

  public static final class Variables {
    public static final String CASE_REFERENCE = "caseReference";
    public static final String DISTRICT = "district";
    // the conference (its reference is the conference instance's caseReference, e.g. FK-KOELN-2026-12-15)
    public static final String CONFERENCE_REFERENCE = "conferenceReference";
    public static final String CONFERENCE_DATE_TIME = "conferenceDateTime";
    public static final String CONFERENCE_LOCATION = "conferenceLocation";
    /** The case references on the agenda, comma-separated: the conference instance's only link to its cases. */
    public static final String AGENDA = "agenda";
    public static final String AGENDA_CASE_COUNT = "agendaCaseCount";
    // the referral (in from the calling case)
    /** The candidate groups of the agencies working the case, comma-separated (e.g. policeKoeln,youthWelfareKoeln). */
    public static final String CONFERENCE_AGENCIES = "conferenceAgencies";
    public static final String REFERRAL_REASON = "referralReason";
    public static final String REPEAT_REFERRAL = "repeatReferral";
    /** HMAC-SHA256 of the police system's person number, hex; never the number itself. */
    public static final String PERSON_PSEUDONYM = "personPseudonym";
    /** The police system's person number as typed in the start form; replaced by the pseudonym before the start. */
    public static final String PERSON_KEY = "personKey";
    // preparation
    public static final String PREPARING_AGENCY = "preparingAgency";
    public static final String PREPARATION_FINDINGS = "preparationFindings";
    public static final String PREPARATION_PROPOSAL = "preparationProposal";
    // result (the minutes of one conference for this case)
    public static final String CONFERENCE_DECISION = "conferenceDecision";
    public static final String DECISION_REVIEW_AGAIN = "reviewAgain";
    public static final String DECISION_FOLLOW_UP_ACTIONS = "followUpActions";
    public static final String DECISION_CLOSE = "close";
    public static final List<String> ATTENDANCE = List.of("attendedPolice", "attendedYouthWelfare", "attendedCounselling");
    /** Fixed action rows of the result form (form-js 1.8 in Tasklist submits dynamic lists as JSON, which we refuse). */
    public static final int ACTION_ROWS = 3;
    // one action
    public static final String ACTION_NUMBER = "actionNumber";
    public static final String ACTION_TEXT = "actionText";
    public static final String ACTION_OWNER_GROUP = "actionOwnerGroup";
    public static final String ACTION_DEADLINE = "actionDeadline";
    public static final String ACTION_AGREED_AT = "actionAgreedAt";
    public static final String ACTION_REPORT = "actionReport";

    /** Row {@code n} (1-based) of the result form: {@code action1Text}, {@code action1Owner}, {@code action1Deadline}. */
    public static String actionText(int n) {
      return "action" + n + "Text";
    }

    public static String actionOwner(int n) {
      return "action" + n + "Owner";
    }

    public static String actionDeadline(int n) {
      return "action" + n + "Deadline";
    }

    private Variables() {
    }
  }
}
