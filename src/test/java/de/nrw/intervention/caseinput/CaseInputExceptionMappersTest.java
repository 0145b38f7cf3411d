package de.nrw.intervention.caseinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.nrw.intervention.casefile.DuplicateCaseException;
import de.nrw.intervention.casefile.InvalidCaseDataException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.junit.jupiter.api.Test;

/** The decision by exception type, with exceptions as the engine and its REST resources really build them. */
class CaseInputExceptionMappersTest {

  @Test
  void invalidCaseData_wrappedByTheResource_isBadRequestNamingTheField() {
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
        new InvalidCaseDataException("district", "Bezirk", "muss Text sein"), "Cannot instantiate process definition");

    Response response = new CaseInputExceptionMappers.Wrapped().toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getEntity()).isEqualTo(Map.of("type", "InvalidCaseDataException",
        "message", "Bezirk: muss Text sein", "field", "district"));
  }

  @Test
  void concurrentChange_wrappedByTheResource_isConflictAskingToTryAgain() {
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[1]' failed."),
        "Cannot complete task 1");

    Response response = new CaseInputExceptionMappers.Wrapped().toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(body(response)).containsEntry("type", "OptimisticLockingException");
    assertThat((String) body(response).get("message")).contains("bitte erneut versuchen").doesNotContain("ENGINE");
  }

  @Test
  void duplicateCase_unwrapped_isBadRequestNamingTheReference() {
    Response response = new CaseInputExceptionMappers.Unwrapped()
        .toResponse(new DuplicateCaseException("KOE-2026-1", "Intervention bei häuslicher Gewalt (§34a PolG NRW)"));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(body(response)).containsEntry("field", "caseReference").containsEntry("message",
        "Aktenzeichen: zu 'KOE-2026-1' ist bereits ein Fall „Intervention bei häuslicher Gewalt (§34a PolG NRW)“ offen; "
            + "bitte diesen Fall weiterbearbeiten");
  }

  @Test
  void unresolvableIdentifier_isBadRequestNamingTheVariable() {
    Throwable missing = evaluate("${youngOffenderDates.before(conferenceDate, lead)}",
        Map.of("youngOffenderDates", new Object()));
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("Unknown property used in expression", missing), "Cannot complete task");

    Response response = new CaseInputExceptionMappers.Wrapped().toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(body(response)).containsEntry("field", "conferenceDate")
        .containsEntry("message", "'conferenceDate': wird an dieser Stelle des Falls benötigt, bitte ausfüllen");
  }

  @Test
  void unknownBeanProperty_isAFaultOfTheModel_andStaysCamundas() {
    Throwable unknownProperty = evaluate("${dates.noSuchProperty}", Map.of("dates", new Object()));
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("Unknown property used in expression", unknownProperty), "Cannot complete task");

    Response response = new CaseInputExceptionMappers.Wrapped().toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getEntity()).isInstanceOf(ExceptionDto.class);
  }

  @Test
  void anythingElse_getsCamundasOwnAnswer() {
    RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("database gone"), "Cannot complete task 1: database gone");

    Response response = new CaseInputExceptionMappers.Wrapped().toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(500);
    ExceptionDto dto = (ExceptionDto) response.getEntity();
    assertThat(dto.getType()).isEqualTo("RestException");
    assertThat(dto.getMessage()).isEqualTo("Cannot complete task 1: database gone");
    assertThat(new CaseInputExceptionMappers.Unwrapped().toResponse(new ProcessEngineException("x")).getStatus())
        .isEqualTo(500);
  }

  @Test
  void illegalArgumentFromOurBeans_isBadRequest_butNotFromElsewhere() {
    IllegalArgumentException ours = ourBeanRejecting("Not an ISO 8601 date-time: 'yesterday'");
    IllegalArgumentException theirs = new IllegalArgumentException("from the JDK");
    theirs.setStackTrace(new StackTraceElement[] {new StackTraceElement("java.util.UUID", "fromString", null, 1)});

    assertThat(new CaseInputExceptionMappers.Unwrapped().toResponse(new ProcessEngineException(ours)).getStatus())
        .isEqualTo(400);
    assertThat(new CaseInputExceptionMappers.Unwrapped().toResponse(new ProcessEngineException(theirs)).getStatus())
        .isEqualTo(500);
  }

  private static IllegalArgumentException ourBeanRejecting(String message) {
    return new IllegalArgumentException(message);
  }

  private static Throwable evaluate(String expression, Map<String, Object> variables) {
    ExpressionFactoryImpl factory = new ExpressionFactoryImpl();
    // Like the engine's resolvers (variables, beans), which leave a name they do not know unresolved.
    SimpleContext context = new SimpleContext(new BeanELResolver());
    variables.forEach((name, value) ->
        context.setVariable(name, factory.createValueExpression(value, Object.class)));
    return catchThrowable(() -> factory.createValueExpression(context, expression, Object.class).getValue(context));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response response) {
    return (Map<String, Object>) response.getEntity();
  }
}
