package de.nrw.intervention.access;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the arguments of the engine's commands (task id, extending query, ...), which the engine keeps in
 * protected fields. Resolved once per class; a field that is not there any more (an engine upgrade renamed it)
 * throws, so a rule depending on it fails closed instead of letting the command through unchecked.
 */
public final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {
  }

  public static Object read(Object command, String name) {
    Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name,
        key -> find(command.getClass(), name));
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  public static String readString(Object command, String name) {
    Object value = read(command, name);
    return value == null ? null : value.toString();
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      try {
        Field field = current.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      }
    }
    throw new IllegalStateException("Engine command " + type.getName() + " has no field '" + name
        + "' any more: the access rules need updating for this engine version");
  }
}
