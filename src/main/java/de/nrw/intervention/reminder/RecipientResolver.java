package de.nrw.intervention.reminder;

import de.nrw.intervention.routing.DistrictRouting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who is told about a deadline. Reminders go to the assignee, or to every candidate (group member or
 * candidate user) when nobody has claimed the task. Escalations go to the members of the group the routing
 * decision names for the case's {@code district}: the same table that routed the task to its agency.
 */
class RecipientResolver {

  private final DistrictRouting routing;
  private final String escalationGroupOutput;

  RecipientResolver(DistrictRouting routing, String escalationGroupOutput) {
    this.routing = routing;
    this.escalationGroupOutput = escalationGroupOutput;
  }

  Recipients caseworkers(TaskEntity task, ProcessEngineServices engine) {
    if (task.getAssignee() != null) {
      return usersWithEmail(List.of(task.getAssignee()), engine);
    }
    Map<String, User> candidates = new LinkedHashMap<>();
    List<String> candidateUsers = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null) {
        engine.getIdentityService().createUserQuery().memberOfGroup(link.getGroupId()).list()
            .forEach(user -> candidates.putIfAbsent(user.getId(), user));
      } else if (link.getUserId() != null) {
        candidateUsers.add(link.getUserId());
      }
    }
    candidateUsers.forEach(id -> Optional.ofNullable(
        engine.getIdentityService().createUserQuery().userId(id).singleResult())
        .ifPresent(user -> candidates.putIfAbsent(user.getId(), user)));
    return withEmail(candidates.values(), candidateUsers.stream().filter(id -> !candidates.containsKey(id)).count());
  }

  Recipients supervisors(TaskEntity task, ProcessEngineServices engine) {
    return escalationGroup(task, engine)
        .map(group -> withEmail(engine.getIdentityService().createUserQuery().memberOfGroup(group).list(), 0))
        .orElse(Recipients.none());
  }

  /** Empty when the case has no district or the routing table does not know it. */
  Optional<String> escalationGroup(TaskEntity task, ProcessEngineServices engine) {
    return routing.group(engine, task.getVariable(DistrictRouting.DISTRICT), escalationGroupOutput);
  }

  private static Recipients usersWithEmail(List<String> userIds, ProcessEngineServices engine) {
    List<User> users = engine.getIdentityService().createUserQuery().userIdIn(userIds.toArray(String[]::new)).list();
    return withEmail(users, userIds.size() - users.size());
  }

  private static Recipients withEmail(Collection<User> users, long unknownUsers) {
    List<String> addresses = users.stream().map(User::getEmail)
        .filter(email -> email != null && !email.isBlank()).map(String::trim).distinct().toList();
    long withoutEmail = users.stream().filter(user -> user.getEmail() == null || user.getEmail().isBlank()).count();
    return new Recipients(addresses, (int) (withoutEmail + unknownUsers));
  }
}
