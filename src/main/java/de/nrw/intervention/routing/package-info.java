/**
 * District routing: which agency groups of a district work a case, answered by the routing decision
 * ({@code processes/district-routing.dmn}). One lookup for every caller (case start, grants, reminders); uses only
 * the engine.
 */
package de.nrw.intervention.routing;
