package de.nrw.intervention.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The groups known to hold authorizations, for the whole node. Before every authorization check the engine drops the
 * user's groups that hold none, and to know which do, it reads all groups holding authorizations once per command:
 * five times for one Tasklist list request. On H2 that read cost 87 % of the request's CPU time at 10,000 open tasks
 * (H2 answers each step of the index walk in AuthorizedGroupIds.xml by scanning the rest of the index).
 *
 * <p>A group that holds an authorization once is remembered: when all of the user's groups are known, nothing is
 * read. Remembering never changes a check's result: a remembered group whose authorizations were all deleted matches
 * no authorization row (grant or revoke), exactly as if it had been dropped. A group not known yet (no
 * authorization so far, or its first one made on another node) is looked up as the engine does, in every command, so
 * its first authorization counts at once.
 */
final class KnownAuthorizedGroups implements SessionFactory {

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  @Override
  public Class<?> getSessionType() {
    return AuthorizationManager.class;
  }

  @Override
  public Session openSession() {
    return new Manager(known);
  }

  /** The engine's authorization manager (one per command) with the node's known groups. */
  static final class Manager extends AuthorizationManager {

    private final Set<String> known;

    Manager(Set<String> known) {
      this.known = known;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds != null && !authenticatedGroupIds.isEmpty() && known.containsAll(authenticatedGroupIds)) {
        // As the engine's: each group once, in a mutable list (MyBatis reflects on it).
        return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
      }
      List<String> holding = super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      known.addAll(holding);
      return holding;
    }
  }
}
