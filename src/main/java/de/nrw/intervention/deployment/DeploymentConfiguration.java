package de.nrw.intervention.deployment;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

  @Bean
  ProcessEnginePlugin deploymentEnginePlugin(ModelProperties properties) {
    return new DeploymentEnginePlugin(properties);
  }

  @Bean
  ModelDeployer modelDeployer(ProcessEngine processEngine, ModelProperties properties) {
    return new ModelDeployer(processEngine, new ModelFolderReader(properties), properties);
  }

  /** Deploys before anything else runs, so demo data and filters see the current definitions. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ApplicationRunner deployModels(ModelDeployer modelDeployer) {
    return args -> modelDeployer.deploy();
  }
}
