package de.nrw.intervention.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agencies' directory (profile {@code ldap}): where users and groups are read from. Defaults fit OpenLDAP with
 * {@code inetOrgPerson} users and {@code groupOfNames} groups; docs/SECURITY.md has the Active Directory sample.
 *
 * <p>Agency groups are not mapped by a table: the value of the directory group's {@code groupIdAttribute} is the
 * agency group id ({@code policeKoeln}), either its name or an attribute set for the purpose, so the directory's
 * administrators keep the mapping where they keep the members (docs/SECURITY.md says why).
 *
 * @param url {@code ldaps://host:636}; {@code ldap://} only where {@code allowUnencrypted} (prod refuses it otherwise)
 * @param allowUnencrypted lets the prod profile start with an {@code ldap://} URL (e.g. a directory on localhost)
 * @param managerDn the bind account the application searches with (read access to users and groups)
 * @param managerPassword its password, from the environment
 * @param baseDn the directory's root; the search bases below are relative to it
 * @param userSearchBase where users are, relative to {@code baseDn}
 * @param userSearchFilter what a user is
 * @param userIdAttribute the attribute that is the user id (login name)
 * @param userFirstnameAttribute first name
 * @param userLastnameAttribute last name
 * @param userEmailAttribute mail address for reminders and escalations
 * @param groupSearchBase where groups are, relative to {@code baseDn}
 * @param groupSearchFilter which groups the application sees (only agency groups and the administrators')
 * @param groupIdAttribute the attribute whose value is the group id: the agency group id, e.g. {@code policeKoeln}
 * @param groupNameAttribute the group's display name
 * @param groupMemberAttribute the attribute of a group listing its members' DNs
 * @param administratorGroup the directory group whose members administer the platform (all rights)
 * @param connectTimeout how long to wait for the directory to accept a connection
 * @param readTimeout how long to wait for an answer to a search or bind
 * @param pageSize results per page of a search (LDAP paged results); 0 asks for all at once, which Active Directory
 *     refuses beyond its limit of 1000 entries
 */
@ConfigurationProperties("intervention.ldap")
record DirectoryProperties(
    String url,
    @DefaultValue("false") boolean allowUnencrypted,
    @DefaultValue("") String managerDn,
    @DefaultValue("") String managerPassword,
    @DefaultValue("") String baseDn,
    @DefaultValue("ou=people") String userSearchBase,
    @DefaultValue("(objectClass=inetOrgPerson)") String userSearchFilter,
    @DefaultValue("uid") String userIdAttribute,
    @DefaultValue("givenName") String userFirstnameAttribute,
    @DefaultValue("sn") String userLastnameAttribute,
    @DefaultValue("mail") String userEmailAttribute,
    @DefaultValue("ou=groups") String groupSearchBase,
    @DefaultValue("(objectClass=groupOfNames)") String groupSearchFilter,
    @DefaultValue("cn") String groupIdAttribute,
    @DefaultValue("cn") String groupNameAttribute,
    @DefaultValue("member") String groupMemberAttribute,
    @DefaultValue("camunda-admin") String administratorGroup,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("0") int pageSize) {

  static final String PROFILE = "ldap";

  boolean encrypted() {
    return url != null && url.regionMatches(true, 0, "ldaps://", 0, 8);
  }
}
