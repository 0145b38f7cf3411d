/**
 * Platform time: the one configured zone ({@code intervention.time-zone}) in which every deadline is computed and
 * every date is shown, the German way of showing dates and legal ends, the engine's business calendars in that
 * zone (its own use the JVM's), and the school days of a holiday file for deadlines before the next school day.
 * Uses java.time, SnakeYAML and the engine's calendar API.
 */
package de.nrw.intervention.calendar;
