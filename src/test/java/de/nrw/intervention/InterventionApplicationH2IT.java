package de.nrw.intervention;

import de.nrw.intervention.testsupport.UseH2;

/** The same checks on H2, the database the app runs on by default. */
@UseH2
class InterventionApplicationH2IT extends InterventionApplicationIT {
}
