package de.nrw.intervention.casefile;

import static camundajar.impl.scala.jdk.CollectionConverters.ListHasAsScala;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.collection.Iterable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camunda Forms condition ({@code conditional.hide}, e.g. {@code =childCount = null or childCount < 1}) evaluated by
 * the FEEL engine that ships with Camunda's DMN engine, so that a start is held to exactly what the form shows.
 * A condition that is not an expression, does not parse, fails or is not true/false is "unknown", and the caller then
 * does not insist on the field.
 */
final class FormCondition {

  private static final Logger LOG = LoggerFactory.getLogger(FormCondition.class);
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  /** Conditions come from the deployed forms, so there are few; the bound only guards against endless redeploys. */
  private static final int MAX_CACHED = 1_000;
  private static final Map<String, ParseResult> PARSED = new ConcurrentHashMap<>();
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private FormCondition() {
  }

  /**
   * @param field     the form field the condition belongs to, named in the warning for a broken condition
   * @param variables the case's variables; a name the case does not have is null, as in the form
   */
  static Optional<Boolean> evaluate(String field, String expression, Function<String, Object> variables) {
    String text = expression.strip();
    if (!text.startsWith("=")) {
      return Optional.empty();
    }
    ParseResult parsed = parse(text.substring(1));
    if (parsed.isFailure()) {
      // The failure describes the expression only (a model's text), never case data.
      warnOnce(field, expression, "does not parse: " + parsed.failure().message());
      return Optional.empty();
    }
    EvaluationResult result = FEEL.evaluate(parsed.parsedExpression(), new CaseVariables(variables));
    if (result.isFailure()) {
      // Not the failure's message: FEEL puts the values it could not use into it.
      warnOnce(field, expression, "fails to evaluate");
      return Optional.empty();
    }
    return result.result() instanceof Boolean hidden ? Optional.of(hidden) : Optional.empty();
  }

  private static ParseResult parse(String expression) {
    if (PARSED.size() >= MAX_CACHED) {
      PARSED.clear();
    }
    return PARSED.computeIfAbsent(expression, FEEL::parseExpression);
  }

  private static void warnOnce(String field, String expression, String problem) {
    if (WARNED.add(field + '\n' + expression)) {
      LOG.warn("Form field '{}': condition '{}' {}; read as unknown, so the field is not required",
          field, expression, problem);
    }
  }

  /** Every name resolves, missing ones to null: the form sees an empty field, not an error. */
  private static final class CaseVariables extends CustomContext {

    private final VariableProvider provider;

    CaseVariables(Function<String, Object> variables) {
      this.provider = new VariableProvider() {
        @Override
        public Option<Object> getVariable(String name) {
          return new Some<>(variables.apply(name));
        }

        @Override
        public Iterable<String> keys() {
          return ListHasAsScala(List.<String>of()).asScala();
        }
      };
    }

    @Override
    public VariableProvider variableProvider() {
      return provider;
    }
  }
}
