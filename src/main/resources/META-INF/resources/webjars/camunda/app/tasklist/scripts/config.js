// Our Tasklist configuration, replacing the webjar's: the settings all our web apps share, and the webjar's
// keyboard shortcuts (which replacing its config.js would otherwise drop), described in the user's language.
import shared, {german} from '../../intervention/settings.js';

const description = german ? {
  claimTask: 'übernimmt die ausgewählte Aufgabe',
  focusFilter: 'setzt den Fokus auf den ersten Filter der Liste',
  focusList: 'setzt den Fokus auf die erste Aufgabe der Liste',
  focusForm: 'setzt den Fokus auf das erste Eingabefeld des Formulars',
  startProcess: 'öffnet den Dialog „Prozess starten“'
} : {
  claimTask: 'claims the currently selected task',
  focusFilter: 'set the focus to the first filter in the list',
  focusList: 'sets the focus to the first task in the list',
  focusForm: 'sets the focus to the first input field in a task form',
  startProcess: 'opens the start process modal dialog'
};

export default {
  ...shared,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: description.claimTask},
    focusFilter: {key: 'ctrl+shift+f', description: description.focusFilter},
    focusList: {key: 'ctrl+alt+l', description: description.focusList},
    focusForm: {key: 'ctrl+alt+f', description: description.focusForm},
    startProcess: {key: 'ctrl+alt+p', description: description.startProcess}
  }
};
