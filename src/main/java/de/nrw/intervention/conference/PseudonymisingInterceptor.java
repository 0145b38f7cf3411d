package de.nrw.intervention.conference;

import static de.nrw.intervention.conference.CaseConference.Variables.PERSON_KEY;
import static de.nrw.intervention.conference.CaseConference.Variables.PERSON_PSEUDONYM;

import de.nrw.intervention.access.CommandFields;
import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Replaces the person number of a case start ({@value CaseConference.Variables#PERSON_KEY}, typed by the officer from
 * the police system) by its pseudonym before the engine sees the variables: the number itself never becomes a
 * variable, so it is in no table, no history and no log. A pseudonym sent by the caller is dropped: only the platform
 * computes one. Starts through REST, Tasklist's start form and the Java API are these two commands.
 */
class PseudonymisingInterceptor extends CommandInterceptor {

  private final PersonPseudonyms pseudonyms;

  PseudonymisingInterceptor(PersonPseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof StartProcessInstanceCmd) {
      pseudonymise(((ProcessInstantiationBuilderImpl) CommandFields.read(command, "instantiationBuilder")).getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = (Map<String, Object>) CommandFields.read(command, "variables");
      pseudonymise(variables);
    }
    return next.execute(command);
  }

  void pseudonymise(Map<String, Object> variables) {
    if (variables == null) {
      return;
    }
    variables.remove(PERSON_PSEUDONYM);
    Object personKey = variables.remove(PERSON_KEY);
    if (personKey instanceof TypedValue typed) {
      // REST sends typed values ({"value": "...", "type": "String"})
      personKey = typed.getValue();
    }
    if (personKey != null && !personKey.toString().isBlank()) {
      variables.put(PERSON_PSEUDONYM, pseudonyms.of(personKey.toString()));
    }
  }
}
