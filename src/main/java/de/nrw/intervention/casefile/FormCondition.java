package de.nrw.intervention.casefile;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of FEEL that form conditions use in practice: comparisons of a variable with a literal, joined
 * by {@code and} / {@code or} (e.g. {@code =childCount = null or childCount < 1}). Anything else is "unknown",
 * and the caller then does not insist on the field.
 */
final class FormCondition {

  private static final Pattern COMPARISON =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|<=|>=|=|<|>)\\s*(true|false|null|-?\\d+(?:\\.\\d+)?|\"[^\"]*\")\\s*$");

  private FormCondition() {
  }

  static Optional<Boolean> evaluate(String expression, Function<String, Object> variables) {
    String text = expression.strip();
    if (!text.startsWith("=")) {
      return Optional.empty();
    }
    text = text.substring(1);
    boolean result = false;
    for (String alternative : text.split("\\s+or\\s+")) {
      boolean all = true;
      for (String part : alternative.split("\\s+and\\s+")) {
        Optional<Boolean> value = comparison(part, variables);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        all &= value.get();
      }
      result |= all;
    }
    return Optional.of(result);
  }

  private static Optional<Boolean> comparison(String text, Function<String, Object> variables) {
    Matcher matcher = COMPARISON.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Object actual = variables.apply(matcher.group(1));
    String operator = matcher.group(2);
    Object literal = literal(matcher.group(3));
    if (operator.equals("=") || operator.equals("!=")) {
      boolean equal = equal(actual, literal);
      return Optional.of(operator.equals("=") == equal);
    }
    if (!(actual instanceof Number number) || !(literal instanceof BigDecimal bound)) {
      return Optional.of(false);
    }
    int order = new BigDecimal(number.toString()).compareTo(bound);
    return Optional.of(switch (operator) {
      case "<" -> order < 0;
      case ">" -> order > 0;
      case "<=" -> order <= 0;
      default -> order >= 0;
    });
  }

  private static Object literal(String text) {
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> text.startsWith("\"") ? text.substring(1, text.length() - 1) : new BigDecimal(text);
    };
  }

  private static boolean equal(Object actual, Object literal) {
    if (actual == null || literal == null) {
      return actual == literal;
    }
    if (actual instanceof Number number && literal instanceof BigDecimal decimal) {
      return new BigDecimal(number.toString()).compareTo(decimal) == 0;
    }
    return actual.equals(literal);
  }
}
