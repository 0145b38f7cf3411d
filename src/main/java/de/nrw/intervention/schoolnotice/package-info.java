/**
 * The notice to a child's school after a police operation in the household ({@code processes/school-notice.bpmn}),
 * called once per child by the domestic-violence process: its names, shared by the model, callers and tests. No
 * delegates: the model uses the platform's beans ({@code schoolDays}).
 */
package de.nrw.intervention.schoolnotice;
