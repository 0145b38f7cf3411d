package de.nrw.intervention.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Lets one group read one case or one task: the running instance (Cockpit, incidents) and its history. Read only: changing a
 * case happens through the tasks offered to the group. Runs inside the engine's command, so the grant is rolled
 * back with a start that fails.
 */
final class CaseReadGrants {

  private CaseReadGrants() {
  }

  static void grantRead(ProcessEngineServices engine, String groupId, String processInstanceId) {
    // The user starting a case or completing a task may not administer authorizations; the rule does.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      AuthorizationService authorizations = engine.getAuthorizationService();
      grant(authorizations, groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
      grant(authorizations, groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
          HistoricProcessInstancePermissions.READ);
      return null;
    });
  }

  /**
   * Lets one group read one task without working it: supervisors see their district's tasks in Tasklist and
   * Cockpit, but claiming or completing needs UPDATE, which only the candidates hold. The engine deletes task grants
   * with the task.
   */
  static void grantTaskRead(ProcessEngineServices engine, String groupId, String taskId) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      // The task was created in this command: no earlier command can have granted anything on it.
      grant(engine.getAuthorizationService(), groupId, Resources.TASK, taskId, Permissions.READ, false);
      return null;
    });
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission permission) {
    grant(authorizations, groupId, resource, resourceId, permission, true);
  }

  /** @param inDatabaseToo false for a resource created in this command, whose grants can only be in its cache */
  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission permission, boolean inDatabaseToo) {
    // A grant made earlier in this transaction (case start, then its first task) is not in the database yet.
    boolean grantedInThisCommand = Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .anyMatch(cached -> groupId.equals(cached.getGroupId()) && resource.resourceType() == cached.getResourceType()
            && resourceId.equals(cached.getResourceId()));
    boolean exists = grantedInThisCommand || inDatabaseToo && authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
