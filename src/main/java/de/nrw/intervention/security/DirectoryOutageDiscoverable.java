package de.nrw.intervention.security;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Adds {@link DirectoryOutageMapper} to every Jersey application of this app ({@code /engine-rest}, the web apps'
 * engine and admin APIs), as {@code caseinput.CaseInputErrorsDiscoverable} does for its mappers. Public because
 * Jersey's service lookup instantiates it.
 */
public final class DirectoryOutageDiscoverable implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(DirectoryOutageMapper.class)) {
      context.register(new DirectoryOutageMapper());
    }
  }
}
