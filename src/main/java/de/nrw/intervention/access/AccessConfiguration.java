package de.nrw.intervention.access;

import de.nrw.intervention.routing.DistrictRouting;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class AccessConfiguration {

  @Bean
  ProcessEnginePlugin accessEnginePlugin(AccessProperties properties, DistrictRouting routing) {
    return new AccessEnginePlugin(properties, routing);
  }
}
