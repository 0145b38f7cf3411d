package de.nrw.intervention.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark caseload: which case number starts which process on which path, and what each caseworker enters
 * when completing a task. Shared by the REST driver and the engine floor so both do exactly the same work.
 */
final class Caseload {

  static final String DV = "domestic-violence-intervention";
  static final String YO = "young-offender-coordination";

  /** Four domestic-violence paths and three young-offender paths, assigned round-robin. */
  enum Path {
    DV_NO_MEASURES, DV_COUNSELLING_CHILDREN, DV_BAN_COURT, DV_HIGH_RISK_CONFERENCE,
    YO_CHILD, YO_DIVERSION, YO_INTENSIVE_REFUSED
  }

  record Case(int number, String process, Path path, String businessKey) {
    boolean banBranch() {
      return path == Path.DV_BAN_COURT;
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
    v.put("district", "koeln");
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

  /** What the caseworker enters in the task's form. */
  static Map<String, Object> completion(Case c, String taskKey) {
    Map<String, Object> v = new LinkedHashMap<>();
    String soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString();
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
      case "Task_ConveneCaseConference" -> v.put("caseConferenceDateTime", soon);
      case "Task_ContributeToCaseConference" -> v.put("conferenceContribution", "contribution");
      case "Task_RecordSafetyPlan" -> {
        v.put("safetyPlan", "plan");
        v.put("safetyPlanReviewDateTime", soon);
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
