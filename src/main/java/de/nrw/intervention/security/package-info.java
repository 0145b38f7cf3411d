/**
 * HTTP only: REST authentication, body size, {@code no-store}, session lifetime, actuator access, the password
 * policy and the production settings check. Who may read what is not decided here but in the engine ({@code access}).
 */
package de.nrw.intervention.security;
