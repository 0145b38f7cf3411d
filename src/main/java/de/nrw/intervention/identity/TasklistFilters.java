package de.nrw.intervention.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.HashMap;
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

  static final String MY_TASKS = "Meine Aufgaben";
  static final String MY_AGENCY = "Offene Aufgaben meiner Stelle";
  static final String DUE_SOON = "Fällig in 2 Tagen";
  static final String OVERDUE = "Überfällig";
  static final String DISTRICT_OVERDUE = "Überfällig in meinem Bezirk";

  /**
   * The English names of releases before the German screens. A database that still has a filter under one of them
   * gets it renamed (with the new description and card variables) instead of a second, German one.
   */
  static final Map<String, String> FORMER_NAMES = Map.of(
      MY_TASKS, "My tasks",
      MY_AGENCY, "My agency's open tasks",
      DUE_SOON, "Due within 2 days",
      OVERDUE, "Overdue",
      DISTRICT_OVERDUE, "Overdue in my district");

  /**
   * Shown on every task card, so a caseworker can tell cases apart and see which come first without opening them:
   * the case reference, the risk level as a word (domestic-violence cases) and the district as people write it.
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "caseReference", "label", "Aktenzeichen"),
      Map.of("name", "riskLevelLabel", "label", "Risikostufe"),
      Map.of("name", "districtName", "label", "Bezirk"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final Grants grants;
  private final List<Agency> agencies;
  private final List<District> districts;

  TasklistFilters(FilterService filterService, TaskService taskService, Grants grants, List<Agency> agencies,
      List<District> districts) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
    this.agencies = agencies;
    this.districts = districts;
  }

  void ensureFilters() {
    ensure(MY_TASKS, -10, "#1f77b4", "Aufgaben, die mir zugewiesen sind",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(MY_AGENCY, 0, "#237a23", "Offene Aufgaben für meine Stelle und meinen Bezirk, übernommen oder nicht",
        agencyTasks().orderByDueDate().asc());
    ensure(DUE_SOON, 10, "#a84f00", "Aufgaben meiner Stelle, deren Frist in den nächsten 2 Tagen endet",
        agencyTasks().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(2)}")
            .orderByDueDate().asc());
    ensure(OVERDUE, 20, "#d62728", "Aufgaben meiner Stelle, deren Frist abgelaufen ist",
        agencyTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
    // No group condition: supervisors read every task of their district's cases (access package), so the engine's
    // authorizations make this "my district". Only supervisors see the filter; they read, they do not work tasks.
    Filter districtOverdue = ensure(DISTRICT_OVERDUE, 30, "#8c1c13",
        "Aufgaben der Fälle meines Bezirks, deren Frist abgelaufen ist, gleich bei welcher Stelle",
        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), false);
    for (Agency supervisors : agencies.stream().filter(agency -> agency.has(Agency.Right.SUPERVISE)).toList()) {
      for (District district : districts) {
        grants.toGroup(supervisors.groupId(district), FILTER, districtOverdue.getId(), READ);
      }
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
    if (filter == null) {
      filter = renamedFromFormerName(name, description);
    }
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
        "variables", CARD_VARIABLES));
    filterService.saveFilter(filter);
    if (everyone) {
      grants.toEveryone(FILTER, filter.getId(), READ);
    }
    return filter;
  }

  /** The filter under its former English name, renamed; its query, colour and priority stay as they were. */
  private Filter renamedFromFormerName(String name, String description) {
    Filter former = filterService.createTaskFilterQuery().filterName(FORMER_NAMES.get(name)).singleResult();
    if (former == null) {
      return null;
    }
    former.setName(name);
    Map<String, Object> properties = new HashMap<>(former.getProperties() == null ? Map.of() : former.getProperties());
    properties.put("description", description);
    properties.put("variables", CARD_VARIABLES);
    former.setProperties(properties);
    return filterService.saveFilter(former);
  }
}
