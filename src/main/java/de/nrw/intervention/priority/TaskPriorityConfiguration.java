package de.nrw.intervention.priority;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskPriorityProperties.class)
class TaskPriorityConfiguration {

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  TaskPriorityEnginePlugin taskPriorityEnginePlugin(TaskPriorityProperties properties) {
    return new TaskPriorityEnginePlugin(new TaskPriorities(properties.rules()));
  }
}
