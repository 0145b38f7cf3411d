package de.nrw.intervention.bench;

import static de.nrw.intervention.conference.CaseConference.Variables.ACTION_REPORT;
import static de.nrw.intervention.conference.CaseConference.Variables.ATTENDANCE;
import static de.nrw.intervention.conference.CaseConference.Variables.CASE_REFERENCE;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DATE_TIME;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_DECISION;
import static de.nrw.intervention.conference.CaseConference.Variables.CONFERENCE_LOCATION;
import static de.nrw.intervention.conference.CaseConference.Variables.DECISION_CLOSE;
import static de.nrw.intervention.conference.CaseConference.Variables.DISTRICT;
import static de.nrw.intervention.conference.CaseConference.Variables.PREPARATION_FINDINGS;
import static de.nrw.intervention.conference.CaseConference.Variables.PREPARATION_PROPOSAL;
import static de.nrw.intervention.conference.CaseConference.Variables.actionDeadline;
import static de.nrw.intervention.conference.CaseConference.Variables.actionOwner;
import static de.nrw.intervention.conference.CaseConference.Variables.actionText;

import de.nrw.intervention.conference.CaseConference.Elements;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark caseload: which case number starts which process on which path, and what each caseworker enters
 * when completing a task. Shared by the REST driver and the engine floor so both do exactly the same work.
 */
final class Caseload {

  static final String DV = "domestic-violence-intervention";
  static final String YO = "young-offender-coordination";
  /** Every case of the caseload is Köln's. */
  static final String KOELN = "koeln";
  /**
   * The Köln police user who calls the district's case conferences, records each case's result and closes the
   * conference (the victim-protection officer; police may open any case, so also a conference).
   */
  static final String COORDINATOR = "officer";
  /**
   * How far ahead the ad-hoc conference meets: well beyond the preparation lead, so no reminder, preparation timer
   * or action deadline comes due during the run.
   */
  private static final int CONFERENCE_IN_DAYS = 14;

  /** Four domestic-violence paths and three young-offender paths, assigned round-robin. */
  enum Path {
    DV_NO_MEASURES, DV_COUNSELLING_CHILDREN, DV_BAN_COURT, DV_HIGH_RISK_CONFERENCE,
    YO_CHILD, YO_DIVERSION, YO_INTENSIVE_REFUSED
  }

  record Case(int number, String process, Path path, String businessKey) {
    boolean banBranch() {
      return path == Path.DV_BAN_COURT;
    }

    /** High risk: the case is referred to Köln's case conference, which the coordinator calls for it. */
    boolean referredToConference() {
      return path == Path.DV_HIGH_RISK_CONFERENCE;
    }
  }

  private Caseload() {
  }

  static Case caseNumber(String run, int i, int dvCases) {
    if (i < dvCases) {
      Path path = Path.values()[i % 4];
      return new Case(i, DV, path, "BENCH-" + run + "-DV-" + i);
    }
    int j = i - dvCases;
    Path path = Path.values()[4 + j % 3];
    return new Case(i, YO, path, "BENCH-" + run + "-YO-" + j);
  }

  /** Start variables as plain Java values (the REST driver wraps them as typed JSON). */
  static Map<String, Object> startVariables(Case c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("caseReference", c.businessKey());
    v.put("district", KOELN);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    if (c.process().equals(DV)) {
      v.put("operationDateTime", now.minusHours(2).toString());
      boolean order = c.path() == Path.DV_BAN_COURT;
      v.put("expulsionOrderIssued", order);
      if (order) {
        v.put("expulsionOrderDateTime", now.minusHours(1).toString());
      }
      boolean children = c.path() == Path.DV_COUNSELLING_CHILDREN || c.path() == Path.DV_HIGH_RISK_CONFERENCE;
      v.put("childCount", children ? 1L : 0L);
      if (children) {
        v.put("childAges", "7");
        v.put("householdAddress", "Musterstraße 1, 50667 Köln");
      }
      boolean consent = c.path() != Path.DV_NO_MEASURES;
      v.put("victimConsentsToCounselling", consent);
      if (consent) {
        v.put("victimName", "A. Example");
        v.put("victimPhone", "0221 000000");
        v.put("victimAddress", "Musterstraße 1, 50667 Köln");
      }
      v.put("professionalJudgementHighRisk", c.path() == Path.DV_HIGH_RISK_CONFERENCE);
      v.put("currentIncidentInjury", true);
      v.put("victimVeryFrightened", true);
    } else {
      switch (c.path()) {
        case YO_CHILD -> {
          v.put("age", 12L);
          v.put("dateOfBirth", "2014-05-01");
          v.put("offenceCategory", "other");
          v.put("offencesLast12Months", 1L);
        }
        case YO_DIVERSION -> {
          v.put("age", 15L);
          v.put("dateOfBirth", "2011-05-01");
          v.put("offenceCategory", "other");
          v.put("offencesLast12Months", 1L);
        }
        default -> {
          v.put("age", 15L);
          v.put("dateOfBirth", "2011-05-01");
          v.put("offenceCategory", "violent");
          v.put("offencesLast12Months", 1L);
          v.put("riskFamilyConflict", true);
        }
      }
      v.put("attendsSchool", true);
    }
    return v;
  }

  /** The reference of the ad-hoc conference called for this case (one conference per case). */
  static String conferenceReference(Case c) {
    return "FK-" + c.businessKey();
  }

  /** What the coordinator enters in the start form of the district's conference. */
  static Map<String, Object> conferenceStartVariables(Case c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(CASE_REFERENCE, conferenceReference(c));
    v.put(DISTRICT, KOELN);
    v.put(CONFERENCE_DATE_TIME, OffsetDateTime.now(ZoneOffset.UTC).plusDays(CONFERENCE_IN_DAYS)
        .truncatedTo(ChronoUnit.MINUTES).toString());
    v.put(CONFERENCE_LOCATION, "Polizeipräsidium Köln, Raum 3.14");
    return v;
  }

  /** What the caseworker enters in the task's form. */
  static Map<String, Object> completion(Case c, String taskKey) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (taskKey) {
      case "Task_ContactVictimProactively" -> {
        v.put("counsellingContactOutcome", "reached");
        v.put("protectionOrderApplied", false);
      }
      case "Task_AssessChildRisk" -> {
        v.put("childRiskOutcome", "supportOffered");
        v.put("schoolObservationRequested", c.path() == Path.DV_HIGH_RISK_CONFERENCE);
        if (c.path() == Path.DV_HIGH_RISK_CONFERENCE) {
          v.put("observedChildFirstName", "Lena");
          v.put("observedChildAgeAndClass", "9 Jahre, Klasse 3b");
          v.put("schoolObservationRequest", "please observe");
        }
      }
      case "Task_ObserveChild" -> {
        v.put("schoolConcernsObserved", false);
        v.put("schoolObservationReport", "nothing unusual");
      }
      case "Task_CheckBanCompliance" -> {
        v.put("complianceCheckDateTime", OffsetDateTime.now(ZoneOffset.UTC).toString());
        v.put("banViolated", false);
        v.put("protectionOrderApplied", false);
      }
      case "Task_RespondToBanViolation" -> v.put("banViolationMeasures", "custody");
      case Elements.PREPARE_CASE_CONFERENCE -> {
        v.put(PREPARATION_FINDINGS, "Familie bekannt, ambulante Hilfe läuft");
        v.put(PREPARATION_PROPOSAL, "Hausbesuch mit Schutzplan für das Kind");
      }
      case Elements.RECORD_CONFERENCE_RESULT -> {
        // Discharged with one action, for the Jugendamt: the case leaves the conferences once it is done.
        ATTENDANCE.forEach(attended -> v.put(attended, true));
        v.put(CONFERENCE_DECISION, DECISION_CLOSE);
        v.put(actionText(1), "Hausbesuch mit Schutzplan");
        v.put(actionOwner(1), "youthWelfare");
        v.put(actionDeadline(1), LocalDate.now(ZoneOffset.UTC).plusDays(CONFERENCE_IN_DAYS + 7).toString());
      }
      case Elements.CARRY_OUT_ACTION -> v.put(ACTION_REPORT, "Hausbesuch durchgeführt, Schutzplan besprochen");
      case Elements.HOLD_CASE_CONFERENCE -> {
        // The young-offender process has a task of the same id (on none of the caseload's paths).
        if (c.referredToConference()) {
          ATTENDANCE.forEach(attended -> v.put(attended, true));
        }
      }
      case "Task_CloseCase" -> v.put("caseSummary", "closed by benchmark");
      case "Task_AssessChildWelfareNeeds" -> {
        v.put("childWelfareOutcome", "counsellingOffered");
        v.put("childWelfareNotes", "notes");
      }
      case "Task_HoldEducationalConversation" -> {
        v.put("conversationDate", OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString());
        v.put("parentsPresent", true);
        v.put("conversationNotes", "notes");
      }
      case "Task_ReportMeasuresToProsecutor" -> {
        v.put("educationalMeasures", "measures");
        v.put("diversionRecommendation", "section45Para1");
        v.put("reportedToProsecutorOn", OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString());
      }
      case "Task_ObtainParentalConsent" -> {
        v.put("parentalConsent", "refused");
        v.put("consentDate", OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString());
        v.put("closureReason", "parents refused");
      }
      default -> {
        // Unknown task: complete without input; the run counts it if the process refuses.
      }
    }
    return v;
  }

  /** The demo caseworker of Köln who works a task offered to the given group. */
  static String userFor(String group) {
    if (group == null) {
      return "officer";
    }
    if (group.startsWith("policeSupervisor")) {
      return "supervisor";
    }
    if (group.startsWith("police")) {
      return "officer";
    }
    if (group.startsWith("youthWelfare")) {
      return "youthworker";
    }
    if (group.startsWith("school")) {
      return "teacher";
    }
    if (group.startsWith("counselling")) {
      return "counsellor";
    }
    return "officer";
  }

  /** The caseworkers Tasklist users are in the caseload (each looks at its own list). */
  static final String[] CASEWORKERS = {"officer", "youthworker", "counsellor", "teacher"};
}
