/**
 * Need to know, enforced by the engine: per-case grants given as cases start and tasks are created, and the
 * command-level rules the engine applies to every query and command whatever door it came through. Uses the
 * engine, {@code routing} and {@code casefile}; knows nothing of HTTP.
 */
package de.nrw.intervention.access;
