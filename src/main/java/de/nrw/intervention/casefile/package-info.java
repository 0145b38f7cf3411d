/**
 * The case file's own data rules: the case reference as business key (one open case per reference), and a start
 * held to its start form and to a district the routing knows, a completion held to its task form, and no text
 * variable the database cannot store. Uses the engine, {@code routing} and the FEEL engine.
 */
package de.nrw.intervention.casefile;
