package de.nrw.intervention.bench;

import static de.nrw.intervention.conference.CaseConference.Elements.HOLD_CASE_CONFERENCE;
import static de.nrw.intervention.conference.CaseConference.Elements.RECORD_CONFERENCE_RESULT;

import java.util.HashSet;
import java.util.Set;

/**
 * How one case is worked, the same for the engine floor and REST; the drivers only say how each step is sent. The
 * officer starts the case (court messages follow for a return ban), then round by round each Köln caseworker works
 * the case's tasks they see, until a round finds none. A high-risk case is referred to Köln's case conference: the
 * coordinator calls one for it right after the start and closes it in the round its result is recorded.
 */
abstract class Caseworkers {

  private static final int MAX_ROUNDS = 40;

  final Stats stats;

  /**
   * The coordinator calls one conference after the other. A conference's agenda takes every case of the district
   * that waits for one, so a high-risk case is started and its conference called under this lock: each conference
   * then holds only its own case, and the thread that called it can close it without waiting for another thread's.
   */
  private final Object coordinator = new Object();

  Caseworkers(Stats stats) {
    this.stats = stats;
  }

  /** The officer starts the case: its process instance id, or null when refused (counted as an error). */
  abstract String start(Caseload.Case c);

  /** The coordinator calls the district's conference for the case (start form); false when refused (counted). */
  abstract boolean callConference(Caseload.Case c);

  /** The family court's messages of a return-ban case. */
  abstract void courtMessages(Caseload.Case c);

  /**
   * The user works every task with this business key they see that nobody worked this round ({@code done}, task
   * ids): claim, form variables, complete with {@link Caseload#completion}. Adds the keys of the tasks completed to
   * {@code completed}; a refusal is counted as an error.
   */
  abstract void work(String user, String businessKey, Caseload.Case c, Set<String> done, Set<String> completed);

  /** Harness check, not timed: whether the case's process instance has ended; counts an error when not. */
  abstract boolean ended(Caseload.Case c, String instanceId);

  /** One case from start to end; true when it ended (and its conference, if any, was closed). */
  final boolean run(Caseload.Case c) {
    String instanceId = c.referredToConference() ? startAndCallConference(c) : start(c);
    if (instanceId == null) {
      return false;
    }
    if (c.banBranch()) {
      courtMessages(c);
    }
    boolean conferenceOpen = c.referredToConference();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Set<String> done = new HashSet<>();
      Set<String> completed = new HashSet<>();
      for (String user : Caseload.CASEWORKERS) {
        work(user, c.businessKey(), c, done, completed);
      }
      if (conferenceOpen && completed.contains(RECORD_CONFERENCE_RESULT)) {
        conferenceOpen = !closeConference(c, done);
      }
      if (done.isEmpty()) {
        return ended(c, instanceId) && !conferenceOpen;
      }
    }
    stats.error("case " + c.businessKey() + " exceeded " + MAX_ROUNDS + " rounds");
    return false;
  }

  private String startAndCallConference(Caseload.Case c) {
    synchronized (coordinator) {
      String instanceId = start(c);
      return instanceId != null && callConference(c) ? instanceId : null;
    }
  }

  /** The coordinator closes the conference: its only case's result is recorded. */
  private boolean closeConference(Caseload.Case c, Set<String> done) {
    Set<String> closed = new HashSet<>();
    work(Caseload.COORDINATOR, Caseload.conferenceReference(c), c, done, closed);
    if (!closed.contains(HOLD_CASE_CONFERENCE)) {
      stats.error("conference " + Caseload.conferenceReference(c) + " of " + c.businessKey() + " not closed");
      return false;
    }
    return true;
  }
}
