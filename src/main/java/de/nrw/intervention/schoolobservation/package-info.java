/**
 * The neutral school observation ({@code processes/school-observation.bpmn}) that other case processes call, so a
 * school never sees the calling case's name, diagram or data: its names, shared by the model, callers and tests.
 */
package de.nrw.intervention.schoolobservation;
