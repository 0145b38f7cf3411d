/**
 * Platform time: the one configured zone ({@code intervention.time-zone}) in which every deadline is computed and
 * every date is shown, the German way of showing dates and legal ends, and the engine's business calendars in that
 * zone (its own use the JVM's). Uses java.time and the engine's calendar API.
 */
package de.nrw.intervention.calendar;
