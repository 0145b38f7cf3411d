package de.nrw.intervention.domesticviolence;

import de.nrw.intervention.schoolobservation.SchoolObservation;
import java.util.List;

/**
 * Names shared by {@code processes/domestic-violence-intervention.bpmn}, its decisions, forms, beans and tests.
 * A rename here breaks the build instead of a running case.
 */
public final class DomesticViolenceIntervention {

  public static final String PROCESS_KEY = "domestic-violence-intervention";
  public static final String START_FORM = "start-domestic-violence-intervention";

  public static final class Decisions {
    public static final String RISK_LEVEL = "domestic-violence-risk-level";
    public static final String RISK_INDICATORS = "domestic-violence-risk-indicators";
    public static final String DEADLINES = "domestic-violence-deadlines";

    private Decisions() {
    }
  }

  public static final class Elements {
    public static final String START = "Event_OperationRecorded";
    public static final String ROUTE_CASE = "Task_RouteCase";
    public static final String ASSESS_RISK_LEVEL = "Task_AssessRiskLevel";
    public static final String DETERMINE_DEADLINES = "Task_DetermineDeadlines";
    public static final String SPLIT_MEASURES = "Gateway_SplitMeasures";
    public static final String JOIN_MEASURES = "Gateway_JoinMeasures";
    public static final String CONTACT_VICTIM_PROACTIVELY = "Task_ContactVictimProactively";
    public static final String ASSESS_CHILD_RISK = "Task_AssessChildRisk";
    /** A call activity: the school works in the neutral process {@link SchoolObservation#PROCESS_KEY}. */
    public static final String OBSERVE_CHILD = "Task_ObserveChild";
    public static final String NOTIFY_SCHOOLS = "Task_NotifySchools";
    public static final String CHECK_BAN_COMPLIANCE = "Task_CheckBanCompliance";
    public static final String RESPOND_TO_BAN_VIOLATION = "Task_RespondToBanViolation";
    public static final String AWAIT_BAN_END = "Gateway_AwaitBanEnd";
    public static final String BAN_EXPIRED = "Event_BanExpired";
    public static final String PROTECTION_ORDER_APPLIED = "Event_ProtectionOrderApplied";
    public static final String PROTECTION_ORDER_APPLICATION_RECORDED = "Event_ProtectionOrderApplicationRecorded";
    public static final String AWAIT_COURT_DECISION = "Gateway_AwaitCourtDecision";
    public static final String FAMILY_COURT_DECIDED = "Event_FamilyCourtDecided";
    public static final String EXTENDED_BAN_EXPIRED = "Event_ExtendedBanExpired";
    /** A call activity: the case goes to its district's case conferences, process {@code conference-case}. */
    public static final String REFER_TO_CASE_CONFERENCE = "Task_ReferToCaseConference";
    public static final String CLOSE_CASE = "Task_CloseCase";
    public static final String CASE_CLOSED = "Event_CaseClosed";
    public static final String SPLIT_BAN_MONITORING = "Gateway_SplitBanMonitoring";

    /** Every user task, in the order a case usually meets them. */
    public static final List<String> USER_TASKS = List.of(CONTACT_VICTIM_PROACTIVELY, ASSESS_CHILD_RISK,
        CHECK_BAN_COMPLIANCE, RESPOND_TO_BAN_VIOLATION, CLOSE_CASE);

    private Elements() {
    }
  }

  /** Message names; correlate by business key (= {@link Variables#CASE_REFERENCE}). */
  /**
   * The start form's school-age children whose school may get a notice ({@code school-notice}): per slot first name,
   * school and class, whether the child was present, and the legal basis ({@code parentalConsent},
   * {@code youthWelfareDecision} or {@code none}).
   */
  public static final class SchoolChildSlots {
    public static final int COUNT = 2;
    /** The multi-instance element variable of the call activity: which slot this notice is for. */
    public static final String SLOT = "schoolChildSlot";

    private SchoolChildSlots() {
    }

    public static String firstName(int slot) {
      return "schoolChild" + slot + "FirstName";
    }

    public static String school(int slot) {
      return "schoolChild" + slot + "School";
    }

    public static String present(int slot) {
      return "schoolChild" + slot + "Present";
    }

    public static String legalBasis(int slot) {
      return "schoolChild" + slot + "LegalBasis";
    }
  }

  public static final class Messages {
    /** The victim has applied to the family court for a protection order (§1 Gewaltschutzgesetz). */
    public static final String PROTECTION_ORDER_APPLIED = "FamilyCourtProtectionOrderApplied";
    /** The family court has decided on the application; the return ban ends. */
    public static final String FAMILY_COURT_DECIDED = "FamilyCourtDecided";

    private Messages() {
    }
  }

  public static final class Variables {
    // start form: case facts
    public static final String CASE_REFERENCE = "caseReference";
    public static final String DISTRICT = "district";
    public static final String OPERATION_DATE_TIME = "operationDateTime";
    public static final String EXPULSION_ORDER_ISSUED = "expulsionOrderIssued";
    public static final String EXPULSION_ORDER_DATE_TIME = "expulsionOrderDateTime";
    public static final String CHILD_COUNT = "childCount";
    public static final String CHILD_AGES = "childAges";
    public static final String VICTIM_CONSENTS_TO_COUNSELLING = "victimConsentsToCounselling";
    public static final String VICTIM_NAME = "victimName";
    public static final String VICTIM_PHONE = "victimPhone";
    public static final String VICTIM_ADDRESS = "victimAddress";
    public static final String PROFESSIONAL_JUDGEMENT_HIGH_RISK = "professionalJudgementHighRisk";

    /** The 14 yes/no risk indicators, a subset of the SafeLives DASH Risk Identification Checklist. */
    public static final List<String> RISK_INDICATORS = List.of("currentIncidentInjury", "victimVeryFrightened",
        "recentSeparation", "stalkingOrHarassment", "pregnancyOrNewBaby", "abuseEscalating", "strangulationAttempted",
        "threatsToKill", "weaponUsed", "childrenThreatened", "perpetratorSubstanceAbuse", "perpetratorSuicideThreats",
        "priorOrderBreached", "priorIncidentsWithin12Months");
    public static final String STRANGULATION_ATTEMPTED = "strangulationAttempted";
    public static final String THREATS_TO_KILL = "threatsToKill";
    public static final String WEAPON_USED = "weaponUsed";

    // routing (district-routing.dmn)
    public static final String POLICE_GROUP = "policeGroup";
    public static final String POLICE_SUPERVISOR_GROUP = "policeSupervisorGroup";
    public static final String YOUTH_WELFARE_GROUP = "youthWelfareGroup";
    public static final String SCHOOL_GROUP = "schoolGroup";
    public static final String COUNSELLING_GROUP = "counsellingGroup";

    // risk and deadlines (decisions)
    public static final String RISK_INDICATOR_COUNT = "riskIndicatorCount";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String RISK_LEVEL_REASON = "riskLevelReason";
    /** The risk level as task cards show it ("hohes Risiko"), from the risk-level decision. */
    public static final String RISK_LEVEL_LABEL = "riskLevelLabel";
    public static final String RISK_LEVEL_HIGH = "high";
    public static final String RISK_LEVEL_STANDARD = "standard";
    public static final String COUNSELLING_CONTACT_PERIOD = "counsellingContactPeriod";
    public static final String CHILD_RISK_ASSESSMENT_PERIOD = "childRiskAssessmentPeriod";
    public static final String SCHOOL_OBSERVATION_PERIOD = SchoolObservation.Variables.PERIOD;
    public static final String BAN_COMPLIANCE_CHECK_PERIOD = "banComplianceCheckPeriod";
    public static final String BAN_VIOLATION_RESPONSE_PERIOD = "banViolationResponsePeriod";
    public static final String CASE_CONFERENCE_PERIOD = "caseConferencePeriod";
    public static final String SAFETY_PLAN_PERIOD = "safetyPlanPeriod";
    public static final String CASE_CLOSURE_PERIOD = "caseClosurePeriod";
    public static final List<String> DEADLINE_PERIODS = List.of(COUNSELLING_CONTACT_PERIOD,
        CHILD_RISK_ASSESSMENT_PERIOD, SCHOOL_OBSERVATION_PERIOD, BAN_COMPLIANCE_CHECK_PERIOD,
        BAN_VIOLATION_RESPONSE_PERIOD, CASE_CONFERENCE_PERIOD, SAFETY_PLAN_PERIOD, CASE_CLOSURE_PERIOD);

    // ban period
    public static final String BAN_ENDS_AT = "banEndsAt";
    public static final String BAN_LATEST_EXTENDED_END = "banLatestExtendedEnd";
    /** The ends as the law phrases them ("endet mit Ablauf des 05.12.2026"), for forms and task texts. */
    public static final String BAN_END_TEXT = "banEndText";
    public static final String BAN_LATEST_EXTENDED_END_TEXT = "banLatestExtendedEndText";
    public static final String PROTECTION_ORDER_APPLIED = "protectionOrderApplied";

    // task outcomes
    public static final String COUNSELLING_CONTACT_OUTCOME = "counsellingContactOutcome";
    public static final String CHILD_RISK_OUTCOME = "childRiskOutcome";
    public static final String SCHOOL_OBSERVATION_REQUESTED = "schoolObservationRequested";
    public static final String SCHOOL_OBSERVATION_REQUEST = SchoolObservation.Variables.REQUEST;
    public static final String OBSERVED_CHILD_FIRST_NAME = SchoolObservation.Variables.CHILD_FIRST_NAME;
    public static final String OBSERVED_CHILD_AGE_AND_CLASS = SchoolObservation.Variables.CHILD_AGE_AND_CLASS;
    public static final String SCHOOL_CONCERNS_OBSERVED = SchoolObservation.Variables.CONCERNS_OBSERVED;
    public static final String SCHOOL_OBSERVATION_REPORT = SchoolObservation.Variables.REPORT;
    public static final String BAN_VIOLATED = "banViolated";
    public static final String BAN_VIOLATION_MEASURES = "banViolationMeasures";
    /** The police system's person number (start form); the platform stores only its pseudonym. */
    public static final String PERSON_KEY = "personKey";
    public static final String PERSON_PSEUDONYM = "personPseudonym";
    /** Set before the risk decision: referred to a case conference within 12 months before (SafeLives: a repeat). */
    public static final String REPEAT_REFERRAL = "repeatReferral";
    /** The case conference's last decision, from {@code conference-case}. */
    public static final String CONFERENCE_DECISION = "conferenceDecision";
    public static final String CASE_SUMMARY = "caseSummary";

    private Variables() {
    }
  }

  private DomesticViolenceIntervention() {
  }
}
