package de.nrw.intervention.domesticviolence;

/** Reads form values the way Tasklist, REST and Java callers send them (Long, Double, String, Boolean). */
final class CaseFacts {

  static long number(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text && !text.isBlank()) {
      return (long) Double.parseDouble(text.trim());
    }
    return 0;
  }

  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof String text && Boolean.parseBoolean(text.trim()));
  }

  private CaseFacts() {
  }
}
