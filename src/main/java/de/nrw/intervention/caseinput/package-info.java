/**
 * How the engine's REST APIs ({@code /engine-rest} and the web apps' {@code /camunda/api/engine}) answer case data a
 * caller got wrong: 400 naming the field instead of the engine's 500. Uses the exceptions of {@code casefile}, Jersey
 * and Camunda's REST exception helper, and {@code operations.DatabaseUnavailable} for the 503 of a database outage
 * (its mappers own the engine's exception types); no Spring, no servlet filters.
 */
package de.nrw.intervention.caseinput;
