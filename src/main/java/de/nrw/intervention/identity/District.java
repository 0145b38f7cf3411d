package de.nrw.intervention.identity;

/**
 * A district (municipality) as the processes know it: {@code id} is the value of the {@code district}
 * variable, {@code name} what people read.
 */
public record District(String id, String name) {

  /** koeln -> Koeln: the district part of a group id. */
  String groupSuffix() {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }
}
