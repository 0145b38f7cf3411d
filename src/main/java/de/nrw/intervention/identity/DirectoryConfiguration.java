package de.nrw.intervention.identity;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: the engine reads users and groups from the agencies' directory (Camunda's LDAP identity
 * provider, read-only: Admin shows them and cannot edit them). Authorizations, filters and grants stay in the
 * database and name the same group ids.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DirectoryProperties.PROFILE)
class DirectoryConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryConfiguration.class);

  @Bean
  ProcessEnginePlugin ldapIdentityProviderPlugin(DirectoryProperties properties) {
    if (properties.url() == null || properties.url().isBlank()) {
      throw new IllegalStateException("Profile ldap: INTERVENTION_LDAP_URL is not set (e.g. ldaps://ldap.example:636)");
    }
    if (!properties.encrypted()) {
      LOG.warn("Directory connection {} is not encrypted: passwords cross the network in clear text", properties.url());
    }
    LdapIdentityProviderPlugin plugin = new LdapIdentityProviderPlugin();
    plugin.setServerUrl(properties.url());
    plugin.setManagerDn(properties.managerDn());
    plugin.setManagerPassword(properties.managerPassword());
    plugin.setBaseDn(properties.baseDn());
    plugin.setUserSearchBase(properties.userSearchBase());
    plugin.setUserSearchFilter(properties.userSearchFilter());
    plugin.setUserIdAttribute(properties.userIdAttribute());
    plugin.setUserFirstnameAttribute(properties.userFirstnameAttribute());
    plugin.setUserLastnameAttribute(properties.userLastnameAttribute());
    plugin.setUserEmailAttribute(properties.userEmailAttribute());
    plugin.setGroupSearchBase(properties.groupSearchBase());
    plugin.setGroupSearchFilter(properties.groupSearchFilter());
    plugin.setGroupIdAttribute(properties.groupIdAttribute());
    plugin.setGroupNameAttribute(properties.groupNameAttribute());
    plugin.setGroupMemberAttribute(properties.groupMemberAttribute());
    if (properties.pageSize() > 0) {
      plugin.setPageSize(properties.pageSize());
    }
    // A search result a user may not read (engine authorization on USER and GROUP) is left out, as with the database.
    plugin.setAuthorizationCheckEnabled(true);
    // Never an empty password: many directories accept an empty one as an anonymous bind.
    plugin.setAllowAnonymousLogin(false);
    // ldaps:// is TLS from the first byte; the certificate is checked against the JVM's trust store, never waived.
    plugin.setUseSsl(properties.encrypted());
    plugin.setAcceptUntrustedCertificates(false);
    // Without timeouts an unreachable directory holds request threads for the operating system's TCP timeout.
    plugin.setContextProperties(Map.of(
        "com.sun.jndi.ldap.connect.timeout", String.valueOf(properties.connectTimeout().toMillis()),
        "com.sun.jndi.ldap.read.timeout", String.valueOf(properties.readTimeout().toMillis())));
    return plugin;
  }

  /** The directory's administrator group gets every permission on every resource, as camunda-admin does. */
  @Bean
  ProcessEnginePlugin administratorAuthorizationPlugin(DirectoryProperties properties) {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(properties.administratorGroup());
    return plugin;
  }
}
