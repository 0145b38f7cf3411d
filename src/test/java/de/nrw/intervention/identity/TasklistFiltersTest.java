package de.nrw.intervention.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.modelcheck.GermanText;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared filters on a bare engine: German names, card variables, and filters of English releases renamed. */
@ExtendWith(ProcessEngineExtension.class)
class TasklistFiltersTest {

  private static final List<District> DISTRICTS = List.of(new District("koeln", "Köln"));

  ProcessEngine processEngine;

  @AfterEach
  void removeFiltersAndGrants() {
    processEngine.getFilterService().createFilterQuery().list()
        .forEach(filter -> processEngine.getFilterService().deleteFilter(filter.getId()));
    processEngine.getAuthorizationService().createAuthorizationQuery().list()
        .forEach(grant -> processEngine.getAuthorizationService().deleteAuthorization(grant.getId()));
  }

  @Test
  void newDatabase_getsTheGermanFilters_withCaseReferenceRiskAndDistrictOnTheCards() {
    filters().ensureFilters();

    assertThat(processEngine.getFilterService().createTaskFilterQuery().orderByFilterName().asc().list())
        .extracting(Filter::getName).containsExactlyInAnyOrder("Meine Aufgaben", "Offene Aufgaben meiner Stelle",
            "Fällig in 2 Tagen", "Überfällig", "Überfällig in meinem Bezirk");
    assertThat(filter("Offene Aufgaben meiner Stelle").getProperties().get("variables")).isEqualTo(List.of(
        Map.of("name", "caseReference", "label", "Aktenzeichen"),
        Map.of("name", "riskLevelLabel", "label", "Risikostufe"),
        Map.of("name", "districtName", "label", "Bezirk")));
  }

  @Test
  void filterUnderItsFormerEnglishName_isRenamed_notDuplicated_andKeepsWhatAnAdministratorSet() {
    FilterService filterService = processEngine.getFilterService();
    Filter english = filterService.newTaskFilter("My agency's open tasks");
    english.setQuery(processEngine.getTaskService().createTaskQuery().taskCandidateGroup("policeKoeln"));
    english.setProperties(Map.of("priority", 5, "color", "#123456", "description", "Open tasks offered to my agency",
        "variables", List.of(Map.of("name", "district", "label", "District"))));
    String id = filterService.saveFilter(english).getId();

    filters().ensureFilters();
    filters().ensureFilters();

    assertThat(filterService.createTaskFilterQuery().filterName("My agency's open tasks").count()).isZero();
    assertThat(filterService.createTaskFilterQuery().filterName("Offene Aufgaben meiner Stelle").list())
        .singleElement().satisfies(renamed -> {
          assertThat(renamed.getId()).isEqualTo(id);
          assertThat(renamed.getProperties()).containsEntry("priority", 5).containsEntry("color", "#123456")
              .containsEntry("description", "Offene Aufgaben für meine Stelle und meinen Bezirk, übernommen oder nicht")
              .containsEntry("variables", TasklistFilters.CARD_VARIABLES);
        });
    assertThat(filterService.createTaskFilterQuery().count()).isEqualTo(5);
  }

  @Test
  void filterNamesDescriptionsAndCardLabels_areGerman() {
    filters().ensureFilters();

    for (Filter filter : processEngine.getFilterService().createTaskFilterQuery().list()) {
      assertThat(GermanText.englishWords(filter.getName())).as(filter.getName()).isEmpty();
      assertThat(GermanText.englishWords((String) filter.getProperties().get("description"))).as(filter.getName())
          .isEmpty();
    }
    TasklistFilters.CARD_VARIABLES.forEach(variable ->
        assertThat(GermanText.englishWords(variable.get("label"))).as(variable.get("label")).isEmpty());
  }

  private Filter filter(String name) {
    return processEngine.getFilterService().createTaskFilterQuery().filterName(name).singleResult();
  }

  private TasklistFilters filters() {
    return new TasklistFilters(processEngine.getFilterService(), processEngine.getTaskService(),
        new Grants(processEngine.getAuthorizationService()), TestAgencies.ALL, DISTRICTS);
  }
}
