package de.nrw.intervention.casefile;

import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * The engine's String serializer, refusing a text the database cannot store ({@link StorableText}) when the variable
 * is written, with the variable's name: the command fails before anything is flushed, so nothing of it is written.
 * Registered before the built-in serializers, so it is the one chosen for writing; reading is unchanged.
 */
final class StorableTextSerializer extends StringValueSerializer {

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    if (value.getValue() != null) {
      StorableText.problem(value.getValue()).ifPresent(problem -> {
        throw new InvalidCaseDataException(valueFields.getName(), "Ungültiger Wert für '" + valueFields.getName() + "'",
            problem);
      });
    }
    super.writeValue(value, valueFields);
  }
}
