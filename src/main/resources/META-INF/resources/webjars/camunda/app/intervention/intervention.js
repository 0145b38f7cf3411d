// Our customisation of Camunda's web apps (Tasklist, Cockpit, Admin, Welcome), loaded by each app's config.js
// (`customScripts`). It never patches the webjar: it only adds attributes, classes and one link to what the apps
// render, because the apps re-render their pages at any time (the observer below re-applies everything).
//
// - `lang` of the page follows the language the app picked (German for browsers whose first language is German,
//   the same rule as Camunda's own locale choice).
// - Tasklist hides "Create task" and "Start process" from users who cannot use them (engine authorizations).
// - Date pickers start on Monday and dates read dd.MM.yyyy (in the browser's time zone), with German names in German
//   browsers.
// - Camunda Forms' validation messages in German for German browsers (form-js has no translations).
// - Accessibility repairs for WCAG 2.1 AA (names for icon-only buttons and links, a disallowed ARIA attribute).
// - A link to the accessibility statement (Erklärung zur Barrierefreiheit) in every app's footer.

const base = document.querySelector('base');
const appRoot = base.getAttribute('app-root');
const appName = base.getAttribute('app-name');
const engineApi = base.getAttribute('engine-api') + 'engine/default/';

const browserLanguage = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en')
  .split('-')[0].toLowerCase();
const german = browserLanguage === 'de';
document.documentElement.lang = german ? 'de' : 'en';

const texts = german ? {
  statement: 'Erklärung zur Barrierefreiheit',
  previous: 'Vorheriger Monat',
  next: 'Nächster Monat',
  close: 'Schließen',
  toggleFilters: 'Filterliste ein- oder ausblenden',
  toggleList: 'Aufgabenliste ein- oder ausblenden',
  toggleTask: 'Aufgabe ein- oder ausblenden',
  maximize: 'Aufgabe vergrößern',
  savedSearches: 'Gespeicherte Suchen',
  addSorting: 'Sortierung hinzufügen',
  openInCockpit: 'Fall im Cockpit öffnen',
  switchApp: 'Anwendung wechseln'
} : {
  statement: 'Accessibility statement (German)',
  previous: 'Previous month',
  next: 'Next month',
  close: 'Close',
  toggleFilters: 'Show or hide the filters',
  toggleList: 'Show or hide the task list',
  toggleTask: 'Show or hide the task',
  maximize: 'Enlarge the task',
  savedSearches: 'Saved searches',
  addSorting: 'Add a sorting',
  openInCockpit: 'Open the case in Cockpit',
  switchApp: 'Switch application'
};

// ---------------------------------------------------------------------------------------------------------------
// Footer link to the accessibility statement, a public page (no login needed).

function addStatementLink() {
  const footer = document.querySelector('footer');
  if (!footer || footer.querySelector('.intervention-statement')) {
    return;
  }
  // Into the footer's right-hand column ("Powered by Camunda"): the footer is one line high, a line of its own
  // would lie below the window.
  const column = footer.querySelector('.row > div:last-child') || footer;
  const link = document.createElement('a');
  link.className = 'intervention-statement';
  link.href = appRoot + '/app/intervention/barrierefreiheit.html';
  link.textContent = texts.statement;
  column.insertBefore(document.createTextNode(' · '), column.firstChild);
  column.insertBefore(link, column.firstChild);
}

// ---------------------------------------------------------------------------------------------------------------
// Tasklist: hide the actions a user cannot use. Hidden by our CSS until the engine says the user may use them, so
// a failed check fails closed. Checked again whenever Tasklist renders the actions anew (e.g. after a new login).

const allowedActions = {
  'create-task-action': () => getJson('authorization/check?permissionName=CREATE&resourceName=task&resourceType=7')
    .then(answer => answer.authorized === true),
  'start-process-action': () => getJson('process-definition/count?latestVersion=true&active=true'
      + '&startableInTasklist=true&startablePermissionCheck=true')
    .then(answer => answer.count > 0)
};

function getJson(path) {
  return fetch(engineApi + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : {}));
}

function checkActions() {
  if (appName !== 'tasklist') {
    return;
  }
  for (const [action, allowed] of Object.entries(allowedActions)) {
    document.querySelectorAll('li.' + action + ':not([data-intervention-checked])').forEach(item => {
      item.setAttribute('data-intervention-checked', '');
      allowed().catch(() => false).then(yes => item.setAttribute('data-intervention-allowed', String(yes)));
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dates: Monday first and German names in Tasklist's and Cockpit's AngularJS date picker (uib-datepicker).

const germanDates = {
  MONTH: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
    'November', 'Dezember'],
  SHORTMONTH: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
  DAY: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
  SHORTDAY: ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'],
  FIRSTDAYOFWEEK: 0
};

let angularConfigured = false;

function configureAngular() {
  if (angularConfigured || !window.angular) {
    return;
  }
  const injector = window.angular.element(document.documentElement).injector();
  if (!injector) {
    return;
  }
  angularConfigured = true;
  if (injector.has('uibDatepickerConfig')) {
    injector.get('uibDatepickerConfig').startingDay = 1;
  }
  if (german && injector.has('$locale')) {
    Object.assign(injector.get('$locale').DATETIME_FORMATS, germanDates);
  }
}

// Camunda Forms (form-js) date fields: flatpickr, formatted by the browser's locale (1.12.2026 under de-DE,
// 12/1/2026 under en-US) and starting on Sunday; form-js has no option for either, so we set its flatpickr.
const flatpickrGerman = {
  firstDayOfWeek: 1,
  weekdays: {
    shorthand: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    longhand: germanDates.DAY
  },
  months: {
    shorthand: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
    longhand: germanDates.MONTH
  }
};

function configureFormDatePickers() {
  document.querySelectorAll('.fjs-datepicker input').forEach(input => {
    const picker = input._flatpickr;
    if (!picker || picker.interventionConfigured) {
      return;
    }
    picker.interventionConfigured = true;
    picker.set('locale', german ? flatpickrGerman : {firstDayOfWeek: 1});
    picker.set('dateFormat', 'd.m.Y');
    picker.set('ariaDateFormat', 'd.m.Y');
    input.placeholder = german ? 'TT.MM.JJJJ' : 'dd.mm.yyyy';
    if (picker.selectedDates.length) {
      picker.setDate(picker.selectedDates[0], false);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Camunda Forms (form-js 1.8) has no translations: its validation messages under a field are English. In German
// browsers they are replaced by German ones; form-js only rewrites a message when the error itself changes, and this
// runs again after every change of the page.

const formErrorsGerman = [
  [/^Field is required\.$/, () => 'Pflichtfeld: bitte ausfüllen.'],
  [/^Field must have minimum value of (.+)\.$/, n => `Der Wert muss mindestens ${n} sein.`],
  [/^Field must have maximum value of (.+)\.$/, n => `Der Wert darf höchstens ${n} sein.`],
  [/^Field must have minimum length of (.+)\.$/, n => `Bitte mindestens ${n} Zeichen eingeben.`],
  [/^Field must have maximum length of (.+)\.$/, n => `Bitte höchstens ${n} Zeichen eingeben.`],
  [/^Field must match pattern .*$/, () => 'Die Eingabe hat nicht das erwartete Format.'],
  [/^Field must be a valid email\.$/, () => 'Bitte eine gültige E-Mail-Adresse eingeben.'],
  [/^Field must be a valid\s+international phone number.*$/,
    () => 'Bitte eine gültige internationale Telefonnummer eingeben (z. B. +4930664040900).']
];

function translateFormErrors() {
  if (!german) {
    return;
  }
  document.querySelectorAll('.fjs-form-field-error').forEach(container => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.trim();
      for (const [pattern, german] of formErrorsGerman) {
        const match = pattern.exec(text);
        if (match) {
          node.data = german(match[1]);
          break;
        }
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Accessibility repairs (axe-core, WCAG 2.1 A/AA): give icon-only controls a name, drop ARIA that is not allowed.

// Controls that show only an icon, by the selectors of the apps' own templates.
const iconControls = [
  ['button.region-toggle[data-region="filters"]', 'toggleFilters'],
  ['button.region-toggle[data-region="list"]', 'toggleList'],
  ['button.region-toggle[data-region="task"]', 'toggleTask'],
  ['button.maximize', 'maximize'],
  ['button.dropdown-toggle[ng-disabled*="hasCriteriaSets"]', 'savedSearches'],
  ['.new-sort > a.dropdown-toggle', 'addSorting'],
  ['a.instance-link', 'openInCockpit'],
  ['.app-switch > a.dropdown-toggle', 'switchApp'],
  ['.uib-datepicker button.uib-left, .uib-daypicker button.uib-left', 'previous'],
  ['.uib-datepicker button.uib-right, .uib-daypicker button.uib-right', 'next'],
  ['button.close', 'close']
];

function hasName(control) {
  // innerText, not textContent: text hidden by CSS (e.g. Bootstrap's hidden-md) names nothing.
  return control.innerText.trim() !== '' || control.hasAttribute('aria-label')
    || control.hasAttribute('aria-labelledby');
}

function repairAccessibility() {
  for (const [selector, text] of iconControls) {
    document.querySelectorAll(selector).forEach(control => {
      if (!hasName(control)) {
        control.setAttribute('aria-label', texts[text]);
      }
    });
  }
  // Icon links whose meaning Camunda shows only as a tooltip (e.g. "Mehr anzeigen" on a task card).
  document.querySelectorAll('a[href], button').forEach(control => {
    const tooltip = control.closest('[uib-tooltip]');
    if (!hasName(control) && tooltip && tooltip.getAttribute('uib-tooltip')) {
      control.setAttribute('aria-label', tooltip.getAttribute('uib-tooltip'));
    }
  });
  // uib-typeahead sets aria-expanded on a plain text input, where ARIA allows it only on a combobox.
  document.querySelectorAll('input[uib-typeahead][aria-expanded]:not([role])').forEach(input => {
    input.setAttribute('role', 'combobox');
  });
}

// ---------------------------------------------------------------------------------------------------------------

function apply() {
  addStatementLink();
  checkActions();
  configureAngular();
  configureFormDatePickers();
  translateFormErrors();
  repairAccessibility();
}

let scheduled = false;
const observer = new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      apply();
    });
  }
});
// characterData: form-js rewrites an error message in place when the error changes.
observer.observe(document.documentElement, {childList: true, subtree: true, characterData: true});
apply();

export default [];
