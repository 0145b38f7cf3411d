// Our Tasklist configuration, replacing the webjar's: the settings all our web apps share, and the webjar's
// keyboard shortcuts, which replacing its config.js would otherwise drop.
import shared from '../../intervention/settings.js';

export default {
  ...shared,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
