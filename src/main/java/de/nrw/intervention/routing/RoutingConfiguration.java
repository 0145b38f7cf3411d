package de.nrw.intervention.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

  @Bean
  DistrictRouting districtRouting(RoutingProperties properties) {
    return new DistrictRouting(properties);
  }
}
