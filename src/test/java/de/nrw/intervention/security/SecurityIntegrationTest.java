package de.nrw.intervention.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** One application context for all security ITs: the demo users and the real process models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "intervention.models.processes-dir=processes",
    "intervention.models.forms-dir=forms"})
@ActiveProfiles({"demo", "test"})
abstract class SecurityIntegrationTest {
}
