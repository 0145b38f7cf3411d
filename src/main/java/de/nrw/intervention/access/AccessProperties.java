package de.nrw.intervention.access;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read what of a case (see docs/SECURITY.md, "Access model").
 *
 * @param caseOpenerOutputs routing outputs whose groups may read every case of their district from its start:
 *     the police who open and close it, and the supervisors who watch it in Cockpit
 * @param supervisorOutputs routing outputs whose groups may read (not work) every task of their district's cases
 * @param taskOnlyGroupPrefixes agencies that see only the tasks offered to them, never the case around them
 * @param restrictedStarts process key → routing outputs: only members of these groups of the case's district may
 *     start the process (a school's threat report); every other process is started by whoever holds the rights
 */
@ConfigurationProperties("intervention.access")
public record AccessProperties(
    @DefaultValue({"policeGroup", "policeSupervisorGroup"}) List<String> caseOpenerOutputs,
    @DefaultValue("policeSupervisorGroup") List<String> supervisorOutputs,
    @DefaultValue("school") List<String> taskOnlyGroupPrefixes,
    @DefaultValue Map<String, List<String>> restrictedStarts) {

  public boolean isTaskOnlyGroup(String groupId) {
    return taskOnlyGroupPrefixes.stream().anyMatch(groupId::startsWith);
  }
}
