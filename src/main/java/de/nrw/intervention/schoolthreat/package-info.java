/**
 * The school threat report ({@code processes/school-threat-report.bpmn}), the one case a school opens: its names,
 * shared by the model, its forms and the tests. No delegates: the model uses only the platform's beans.
 */
package de.nrw.intervention.schoolthreat;
