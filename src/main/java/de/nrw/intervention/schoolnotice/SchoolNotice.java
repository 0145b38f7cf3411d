package de.nrw.intervention.schoolnotice;

import java.util.List;

/**
 * Names shared by {@code processes/school-notice.bpmn}, its forms and deadlines decision, the calling models and the
 * tests. The variables are all the called process receives (data minimisation, as in Operation Encompass): which
 * child, that and when the police attended the household, whether the child was present, and the recorded legal
 * basis, which the school does not see. A caller maps exactly {@link Variables#IN}.
 */
public final class SchoolNotice {

  public static final String PROCESS_KEY = "school-notice";
  public static final String DEADLINES_DECISION = "school-notice-deadlines";

  private SchoolNotice() {
  }

  public static final class Elements {
    public static final String NOTICE_REQUESTED = "Event_NoticeRequested";
    public static final String ACKNOWLEDGE_SCHOOL_NOTICE = "Task_AcknowledgeSchoolNotice";
    public static final String NOTICE_NOT_ACKNOWLEDGED = "Event_NoticeNotAcknowledged";
    public static final String FOLLOW_UP_UNACKNOWLEDGED_NOTICE = "Task_FollowUpUnacknowledgedNotice";
    public static final String TAKE_NOTE_OF_UNACKNOWLEDGED_NOTICE = "Task_TakeNoteOfUnacknowledgedNotice";
    public static final String NOTICE_ACKNOWLEDGED = "Event_NoticeAcknowledged";
    public static final String ESCALATION_DONE = "Event_EscalationDone";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final String CASE_REFERENCE = "caseReference";
    public static final String DISTRICT = "district";
    public static final String CHILD_FIRST_NAME = "noticeChildFirstName";
    /** The child's school and class as the police recorded them, so the right contact person picks the notice up. */
    public static final String CHILD_SCHOOL = "noticeChildSchool";
    /** The day the police attended the household, {@code 2026-11-23} (a form date). */
    public static final String POLICE_ATTENDED_ON = "policeAttendedOn";
    /** {@code yes} or {@code no}: whether the child was present during the operation. */
    public static final String CHILD_PRESENT = "childPresent";
    /** {@code parentalConsent} or {@code youthWelfareDecision}: recorded per notice, never shown to the school. */
    public static final String LEGAL_BASIS = "noticeLegalBasis";
    /** Start of the next school day when the notice was made: the school's deadline, then the escalation. */
    public static final String DUE_AT = "noticeDueAt";
    public static final String FOLLOW_UP_PERIOD = "noticeFollowUpPeriod";
    public static final String YOUTH_WELFARE_PERIOD = "noticeYouthWelfarePeriod";

    /** What a caller passes in, besides the business key. */
    public static final List<String> IN = List.of(CASE_REFERENCE, DISTRICT, CHILD_FIRST_NAME, CHILD_SCHOOL,
        POLICE_ATTENDED_ON, CHILD_PRESENT, LEGAL_BASIS);

    private Variables() {
    }
  }
}
