package de.nrw.intervention.caseinput;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Adds the {@link CaseInputExceptionMappers} to every Jersey application of this app: the Spring Boot starter's
 * {@code /engine-rest} and the web apps' engine API, which Jersey instantiates from its class name
 * ({@code EngineRestApplication}) so that no Spring bean can reach it. Listed in
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}; "forced", so it also runs
 * where an application turns auto-discovery off. Public because Jersey's service lookup instantiates it.
 */
public final class CaseInputErrorsDiscoverable implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(CaseInputExceptionMappers.Wrapped.class)) {
      context.register(new CaseInputExceptionMappers.Wrapped());
      context.register(new CaseInputExceptionMappers.Unwrapped());
    }
  }
}
