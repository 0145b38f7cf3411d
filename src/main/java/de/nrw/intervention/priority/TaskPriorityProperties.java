package de.nrw.intervention.priority;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rules which case variable values raise the priority of the case's tasks; the highest matching rule wins,
 *     and a rule never lowers a priority the model sets itself (the engine's default is 50)
 */
@ConfigurationProperties("intervention.task-priority")
record TaskPriorityProperties(@DefaultValue List<Rule> rules) {

  /**
   * @param variable a case variable set before the first user task, e.g. {@code riskLevel} (domestic-violence-risk-level
   *     decision) or {@code track} (young-offender-track decision)
   * @param value    its value, e.g. {@code high}
   * @param priority the task priority for it (Tasklist sorts and shows by it; 0 to 100 by convention)
   */
  record Rule(String variable, String value, int priority) { }
}
