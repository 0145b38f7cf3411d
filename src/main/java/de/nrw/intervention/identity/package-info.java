/**
 * Who the agencies are in the engine: agency groups per district with their rights, Tasklist filters, demo users, and
 * (profile {@code ldap}) users and groups read from the agencies' directory. Uses the engine's identity, authorization
 * and filter services; nothing here decides who may read a case ({@code access} does).
 */
package de.nrw.intervention.identity;
