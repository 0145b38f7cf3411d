/**
 * Task priority from the case's risk: every user task of every model gets the priority its case's risk level or
 * track calls for when it is created, and again when that changes while it is open (configured rules,
 * {@code intervention.task-priority}). Uses only the engine.
 */
package de.nrw.intervention.priority;
