/**
 * Deadline changes: every move of a user task's due date is recorded as a task comment and announced to the
 * district's supervisors, and a legal deadline (marked in the model) cannot be moved past its limit. Uses the engine
 * and the reminder package's mail ({@link de.nrw.intervention.reminder.DueDateChangeMail}) and the platform calendar (dates as caseworkers read
 * them); see docs/REMINDERS.md.
 */
package de.nrw.intervention.deadline;
