/**
 * The supervisors' deadline board in Cockpit: per agency group of a district its open, due-soon and overdue tasks and
 * the reminders and escalations sent, deadline compliance per task type and month (with a CSV export), and the cases
 * per process. Reads the engine's runtime and history tables, scoped by the grants of package {@code access}; uses
 * {@code identity} (districts, agency groups), {@code calendar} (the zone) and Cockpit's plugin API.
 */
package de.nrw.intervention.board;
