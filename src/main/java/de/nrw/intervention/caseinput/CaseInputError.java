package de.nrw.intervention.caseinput;

import de.nrw.intervention.casefile.InvalidCaseDataException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;

/**
 * The caller's mistake behind an exception of the engine's REST resources, if it is one. Camunda's resources wrap
 * whatever the engine throws while starting a case or completing a task into a 500, so the decision is made on the
 * types in the cause chain:
 * <ul>
 *   <li>{@link InvalidCaseDataException} (and so {@code DuplicateCaseException}): our checks, which know the field;</li>
 *   <li>our other refusals of what a caller asked ({@link BadUserRequestException}s of this application, e.g. a legal
 *       deadline moved past its limit), which the resources wrap like any engine exception;</li>
 *   <li>{@link PropertyNotFoundException} thrown by JUEL's {@link AstIdentifier}: an expression of the model names a
 *       variable the case does not have, i.e. the caller left out something the model needs at this point. The same
 *       exception type from a bean property ({@code ${bean.noSuchProperty}}) is a fault of the model and stays 500;</li>
 *   <li>{@link IllegalArgumentException} thrown by this application's own model beans (e.g. a date that is not ISO
 *       8601): the caller's value, but no field is known.</li>
 * </ul>
 */
record CaseInputError(String message, String field) {

  /** The type clients see; one for every kind of bad case input, as before this mapper existed. */
  static final String TYPE = InvalidCaseDataException.class.getSimpleName();

  /** Our own beans, called from model expressions. */
  private static final String APPLICATION_PACKAGE = "de.nrw.intervention.";

  /**
   * JUEL puts the name of an unresolvable identifier only into its message ("Cannot resolve identifier 'x'"). The
   * type has already decided that it is a missing variable; this only reads which one.
   */
  private static final Pattern QUOTED_NAME = Pattern.compile("'([^']+)'");

  static Optional<CaseInputError> of(Throwable exception) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof InvalidCaseDataException invalid) {
        return Optional.of(new CaseInputError(invalid.getMessage(), invalid.getField()));
      }
      if (cause instanceof BadUserRequestException refusal && refusal.getClass().getName().startsWith(APPLICATION_PACKAGE)) {
        return Optional.of(new CaseInputError(refusal.getMessage(), null));
      }
      if (cause instanceof PropertyNotFoundException && thrownBy(cause, AstIdentifier.class.getName()::equals)) {
        Matcher name = QUOTED_NAME.matcher(String.valueOf(cause.getMessage()));
        String field = name.find() ? name.group(1) : null;
        return Optional.of(new CaseInputError((field == null ? "Ein Wert" : "'" + field + "'")
            + ": wird an dieser Stelle des Falls benötigt, bitte ausfüllen", field));
      }
      if (cause instanceof IllegalArgumentException && thrownBy(cause, name -> name.startsWith(APPLICATION_PACKAGE))) {
        return Optional.of(new CaseInputError("Ungültige Falldaten: " + cause.getMessage(), null));
      }
    }
    return Optional.empty();
  }

  Response toResponse() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static boolean thrownBy(Throwable exception, Predicate<String> className) {
    StackTraceElement[] trace = exception.getStackTrace();
    return trace.length > 0 && className.test(trace[0].getClassName());
  }
}
