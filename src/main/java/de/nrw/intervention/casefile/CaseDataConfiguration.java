package de.nrw.intervention.casefile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseDataConfiguration {

  /** A ProcessEnginePlugin bean: the Camunda starter adds it to the engine configuration. */
  @Bean
  CaseDataEnginePlugin caseDataEnginePlugin() {
    return new CaseDataEnginePlugin();
  }
}
