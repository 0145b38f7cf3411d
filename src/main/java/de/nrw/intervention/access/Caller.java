package de.nrw.intervention.access;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who runs a command, as the engine knows it (REST filter, web-app session and Java API alike). */
record Caller(String userId, List<String> groupIds) {

  static Caller of(Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return new Caller(authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
  }

  /** Every group of the caller is a task-only agency: they see their tasks, never the case around them. */
  boolean isTaskOnly(AccessProperties properties) {
    return !groupIds.isEmpty() && !groupIds.contains(Groups.CAMUNDA_ADMIN)
        && groupIds.stream().allMatch(properties::isTaskOnlyGroup);
  }
}
