package de.nrw.intervention.inbox;

import java.util.List;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;

/**
 * Decides, per query, which form of our statements applies (called from the mapper files as
 * {@code @de.nrw.intervention.inbox.QueryShape@...}). Each rewrite is used only where it returns exactly the rows of
 * the engine's SQL; anything else keeps the engine's form.
 */
public final class QueryShape {

  private QueryShape() {
  }

  /**
   * The grant check as sub-selects (ExistsAuthorization.xml) instead of the engine's join: where the engine would
   * join and its checks are one level of alternatives, without revokes (a revoke needs the engine's precedence rules).
   */
  public static boolean existsAuthorization(AuthorizationCheck check) {
    if (!authenticated(check) || check.isRevokeAuthorizationCheckEnabled()) {
      return false;
    }
    CompositePermissionCheck checks = check.getPermissionChecks();
    return checks.isDisjunctive() && checks.getAtomicChecks() != null && !checks.getAtomicChecks().isEmpty()
        && (checks.getCompositeChecks() == null || checks.getCompositeChecks().isEmpty());
  }

  /**
   * The candidate condition ("offered to me or one of my groups") as EXISTS on the identity links instead of a join
   * that repeats a task once per matching link and needs DISTINCT. Only for a query without OR parts and without
   * {@code involvedUser}, the two other users of the engine's join.
   */
  public static boolean candidateExists(TaskQueryImpl query) {
    return query.getQueries().size() == 1 && query.getInvolvedUser() == null && asksForCandidates(query);
  }

  /**
   * Whether a task can appear more than once in the joined rows, so the statement needs DISTINCT. Without it a
   * first page in an indexed order stops after its rows instead of sorting every visible task.
   */
  public static boolean taskRowsRepeat(TaskQueryImpl query) {
    boolean authorizationJoin = authenticated(query.getAuthCheck()) && !existsAuthorization(query.getAuthCheck());
    return authorizationJoin || identityLinkJoin(query) && !candidateExists(query) || orderedByRelation(query);
  }

  /** getShouldPerform...: the one the engine's mappers read (shouldPerform... is a field the engine never sets). */
  private static boolean authenticated(AuthorizationCheck check) {
    return check != null && check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null;
  }

  /** As the engine's I_JOIN in Task.xml: some part asks for candidates or an involved user. */
  private static boolean identityLinkJoin(TaskQueryImpl query) {
    return query.getQueries().stream()
        .anyMatch(part -> part != null && (asksForCandidates(part) || part.getInvolvedUser() != null));
  }

  private static boolean asksForCandidates(TaskQueryImpl part) {
    return part.getCandidateUser() != null || part.getCandidateGroups() != null || part.getCandidateGroupLike() != null
        || part.isWithCandidateGroups() || part.isWithCandidateUsers();
  }

  /** Sorting by a variable joins the variable table. */
  private static boolean orderedByRelation(TaskQueryImpl query) {
    List<QueryOrderingProperty> ordering = query.getOrderingProperties();
    return ordering != null && ordering.stream().anyMatch(property -> property.getRelation() != null);
  }
}
