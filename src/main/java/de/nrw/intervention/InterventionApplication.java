package de.nrw.intervention;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InterventionApplication {

  public static void main(String[] args) {
    SpringApplication.run(InterventionApplication.class, args);
  }
}
