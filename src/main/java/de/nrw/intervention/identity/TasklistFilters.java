package de.nrw.intervention.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters. Tasklist shows nothing without a filter; these are owned by nobody and
 * readable by everyone, and the engine's task authorizations decide which tasks each user sees in them.
 */
class TasklistFilters {

  static final String MY_TASKS = "My tasks";
  static final String MY_AGENCY = "My agency's open tasks";
  static final String DUE_SOON = "Due within 2 days";
  static final String OVERDUE = "Overdue";
  static final String DISTRICT_OVERDUE = "Overdue in my district";

  /** Shown as columns in the task list, so a caseworker can tell cases apart without opening them. */
  private static final List<Map<String, String>> CASE_COLUMNS = List.of(
      Map.of("name", "caseReference", "label", "Case reference"),
      Map.of("name", "district", "label", "District"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final Grants grants;
  private final List<District> districts;

  TasklistFilters(FilterService filterService, TaskService taskService, Grants grants, List<District> districts) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
    this.districts = districts;
  }

  void ensureFilters() {
    ensure(MY_TASKS, -10, "#1f77b4", "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(MY_AGENCY, 0, "#237a23", "Open tasks offered to my agency and district, claimed or not",
        agencyTasks().orderByDueDate().asc());
    ensure(DUE_SOON, 10, "#a84f00", "My agency's tasks whose deadline is within the next 2 days",
        agencyTasks().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(2)}")
            .orderByDueDate().asc());
    ensure(OVERDUE, 20, "#d62728", "My agency's tasks whose deadline has passed",
        agencyTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
    // No group condition: supervisors read every task of their district's cases (access package), so the engine's
    // authorizations make this "my district". Only supervisors see the filter; they read, they do not work tasks.
    Filter districtOverdue = ensure(DISTRICT_OVERDUE, 30, "#8c1c13",
        "Tasks of my district's cases whose deadline has passed, whichever agency holds them",
        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), false);
    for (District district : districts) {
      grants.toGroup(Agency.POLICE_SUPERVISOR.groupId(district), FILTER, districtOverdue.getId(), READ);
    }
  }

  private TaskQuery agencyTasks() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  private void ensure(String name, int priority, String color, String description, TaskQuery query) {
    ensure(name, priority, color, description, query, true);
  }

  private Filter ensure(String name, int priority, String color, String description, TaskQuery query,
      boolean everyone) {
    // Created once: an administrator may adjust a filter in Tasklist and a restart keeps that.
    Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
    if (filter != null) {
      if (everyone) {
        grants.toEveryone(FILTER, filter.getId(), READ);
      }
      return filter;
    }
    filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "priority", priority,
        "color", color,
        "description", description,
        "refresh", true,
        "variables", CASE_COLUMNS));
    filterService.saveFilter(filter);
    if (everyone) {
      grants.toEveryone(FILTER, filter.getId(), READ);
    }
    return filter;
  }
}
