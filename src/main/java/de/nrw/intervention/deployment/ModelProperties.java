package de.nrw.intervention.deployment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the designers' models live. Relative paths resolve against the working directory, so
 * {@code ./mvnw spring-boot:run} in the project root finds {@code processes/} and {@code forms/};
 * {@code java -jar} elsewhere and the container image set absolute paths.
 */
@ConfigurationProperties("intervention.models")
record ModelProperties(
    @DefaultValue("processes") Path processesDir,
    @DefaultValue("forms") Path formsDir,
    @DefaultValue("intervention-models") String deploymentName) {
}
