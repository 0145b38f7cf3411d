/**
 * High-risk case conferences of a district (MARAC, Hochrisikomanagement): the conference series, the agenda of
 * referred cases, each case's preparation, result and actions, repeat referrals by a keyed pseudonym, and the figures
 * for the supervisors. May use {@code casefile}, {@code calendar} and {@code routing}; never another process's beans.
 */
package de.nrw.intervention.conference;
