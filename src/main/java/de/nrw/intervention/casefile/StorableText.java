package de.nrw.intervention.casefile;

import java.util.Optional;

/**
 * What a text variable must be for the database to store it. Checked at the engine's depth
 * ({@link StorableTextSerializer}), so that every door that writes a variable (start, completion, PUT and POST of
 * variables, modification, message correlation, the Java API) refuses the same texts with the same words.
 */
public final class StorableText {

  /**
   * The engine keeps a String variable in one database column of 4,000 characters (ACT_RU_VARIABLE.TEXT_); a longer
   * one fails deep in the persistence layer, at the end of the command, with a message that names no variable.
   */
  public static final int MAX_LENGTH = 4000;

  private StorableText() {
  }

  /** Why the text cannot be stored, in German for the caseworker; empty when it can. */
  public static Optional<String> problem(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.of("höchstens " + MAX_LENGTH + " Zeichen, eingegeben wurden " + text.length());
    }
    if (!encodable(text)) {
      return Optional.of("enthält ein Zeichen, das nicht gespeichert werden kann "
          + "(Nullzeichen oder ein halbes Unicode-Zeichenpaar); bitte den Text neu eingeben oder einfügen");
    }
    return Optional.empty();
  }

  /**
   * PostgreSQL refuses the NUL character in text, and a lone UTF-16 surrogate has no UTF-8 form: either fails the
   * whole command in the persistence layer.
   */
  private static boolean encodable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
