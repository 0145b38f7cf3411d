// The supervisors' deadline board (de.nrw.intervention.board): a section on Cockpit's dashboard, a page of its own
// (#/fristen) and its menu entry. The figures, already formatted in German, come from the plugin's resource; this
// script only lays them out. Every text from the server goes in as text, never as HTML.

const PLUGIN = 'intervention-deadline-board';
const PAGE = '#/fristen';

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  (Array.isArray(children) ? children : [children]).forEach(child => {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

function boardUrl(api, district, csv) {
  const query = district ? '?district=' + encodeURIComponent(district) : '';
  return api.cockpitApi + '/plugin/' + PLUGIN + '/' + api.engine + '/board' + (csv ? '/csv' : '') + query;
}

/** Tasklist of the same engine, beside this Cockpit: /camunda/app/cockpit/default/ → /camunda/app/tasklist/default/. */
function tasklistTaskUrl(api, taskId) {
  const app = window.location.pathname.replace(/\/cockpit\/[^/]*\/?.*$/, '/tasklist/' + api.engine + '/');
  return app + '#/?task=' + encodeURIComponent(taskId);
}

async function load(api, district) {
  const response = await fetch(boardUrl(api, district, false), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || 'Die Fristenübersicht konnte nicht geladen werden (' + response.status + ').');
  }
  return body;
}

function table(className, caption, headers, rows) {
  return el('table', {class: 'table table-condensed cam-table intervention-board-table ' + className}, [
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map(header => el('th', {scope: 'col'}, header)))),
    el('tbody', {}, rows)
  ]);
}

function figure(name, value) {
  return el('td', {'data-figure': name, class: 'figure'}, value);
}

/** Overdue tasks stand out, but only where there are any. */
function overdueFigure(value) {
  const cell = figure('overdue', value);
  if (value > 0) {
    cell.classList.add('board-overdue');
  }
  return cell;
}

function oldestOverdue(api, task) {
  if (!task) {
    return el('td', {'data-figure': 'oldestOverdue'}, '–');
  }
  return el('td', {'data-figure': 'oldestOverdue'}, [
    el('span', {class: 'task-name'}, task.taskName),
    el('br'),
    el('span', {class: 'due'}, 'fällig ' + task.due),
    el('br'),
    el('a', {class: 'case-link', href: '#/process-instance/' + encodeURIComponent(task.processInstanceId)},
      'Fall ' + (task.caseReference || '') + ' in Cockpit'),
    ' · ',
    el('a', {class: 'task-link', href: tasklistTaskUrl(api, task.taskId)}, 'Aufgabe in Tasklist')
  ]);
}

function agencies(api, board, compact) {
  const headers = ['Stelle', 'Offen', 'Fällig in 2 Tagen', 'Überfällig', 'Älteste überfällige Aufgabe'];
  if (!compact) {
    headers.push('Erinnerungen (7 Tage)', 'Erinnerungen (30 Tage)', 'Eskalationen (7 Tage)', 'Eskalationen (30 Tage)');
  }
  const rows = board.agencies.map(agency => {
    const cells = [
      el('th', {scope: 'row'}, agency.name),
      figure('open', agency.open),
      figure('dueSoon', agency.dueSoon),
      overdueFigure(agency.overdue),
      oldestOverdue(api, agency.oldestOverdue)
    ];
    if (!compact) {
      cells.push(figure('reminders7Days', agency.reminders7Days), figure('reminders30Days', agency.reminders30Days),
        figure('escalations7Days', agency.escalations7Days), figure('escalations30Days', agency.escalations30Days));
    }
    return el('tr', {'data-group': agency.groupId}, cells);
  });
  return table('board-agencies', 'Aufgaben je Stelle, Bezirk ' + board.districtName, headers, rows);
}

function compliance(api, board) {
  const headers = ['Monat', 'Prozess', 'Aufgabe', 'Frist', 'Erledigt', 'Fristgerecht', 'Verspätet',
    'Anteil fristgerecht', 'Median Bearbeitungszeit (Tage)'];
  const rows = board.compliance.map(row => el('tr', {'data-process': row.processKey, 'data-task': row.taskKey}, [
    el('td', {}, row.month), el('td', {}, row.processName), el('td', {}, row.taskName), el('td', {}, row.deadline),
    figure('completed', row.completed), figure('onTime', row.onTime), figure('late', row.late),
    figure('onTimeShare', row.onTimeText), figure('medianDays', row.medianDaysText)
  ]));
  if (!rows.length) {
    rows.push(el('tr', {}, el('td', {colspan: headers.length}, 'In den letzten sechs Monaten wurde keine Aufgabe mit Frist erledigt.')));
  }
  return el('div', {}, [
    table('board-compliance', 'Fristeinhaltung je Aufgabe und Monat (dieser und die fünf Monate davor)', headers, rows),
    el('a', {class: 'btn btn-default board-csv', href: boardUrl(api, board.district, true), download: ''},
      'Monatszahlen als CSV herunterladen')
  ]);
}

function processes(board) {
  const headers = ['Prozess', 'Laufende Fälle', 'In diesem Monat begonnen', 'In diesem Monat beendet',
    'Offene Fälle mit hohem Risiko'];
  const rows = board.processes.map(process => el('tr', {'data-process': process.processKey}, [
    el('th', {scope: 'row'}, process.name), figure('running', process.running),
    figure('startedThisMonth', process.startedThisMonth), figure('endedThisMonth', process.endedThisMonth),
    figure('highRisk', process.highRisk)
  ]));
  return table('board-processes', 'Fälle je Prozess', headers, rows);
}

/** The district's high-risk case conferences: referrals, repeats, actions; the latest conferences with their cases. */
function conferences(board) {
  const figures = board.conferences;
  if (!figures) {
    return el('div');
  }
  const summary = table('board-conferences', 'Fallkonferenzen (Hochrisikomanagement) des Bezirks',
    ['Kennzahl', 'Wert'], [
      ['referrals', 'Angemeldete Fälle', figures.referrals],
      ['repeatReferrals', 'davon erneut angemeldet (innerhalb von 12 Monaten)', figures.repeatReferrals],
      ['repeatRate', 'Anteil erneuter Anmeldungen', figures.repeatRateText],
      ['actionsDone', 'Erledigte Maßnahmen', figures.actionsDone],
      ['actionsDoneOnTime', 'davon fristgerecht', figures.actionsDoneOnTime],
      ['actionsOnTime', 'Anteil fristgerecht erledigter Maßnahmen', figures.actionsOnTimeText],
      ['actionsOverdue', 'Offene Maßnahmen nach Fristablauf', figures.actionsOverdue]
    ].map(([name, label, value]) => el('tr', {'data-row': name}, [el('th', {scope: 'row'}, label), figure(name, value)])));
  const rows = figures.recent.map(conference => el('tr', {'data-conference': conference.reference}, [
    el('th', {scope: 'row'}, conference.reference), el('td', {}, conference.meeting || '–'),
    figure('cases', conference.cases)
  ]));
  if (!rows.length) {
    rows.push(el('tr', {}, el('td', {colspan: 3}, 'Noch keine Fallkonferenz in diesem Bezirk.')));
  }
  return el('div', {}, [summary,
    table('board-conference-list', 'Letzte Fallkonferenzen', ['Fallkonferenz', 'Termin', 'Fälle auf der Tagesordnung'],
      rows)]);
}

function districtSelector(board, onChange) {
  if (board.districts.length < 2) {
    return el('p', {class: 'board-district'}, 'Bezirk: ' + board.districtName);
  }
  const select = el('select', {id: 'intervention-board-district', class: 'form-control'},
    board.districts.map(district => {
      const option = el('option', {value: district.id}, district.name);
      option.selected = district.id === board.district;
      return option;
    }));
  select.addEventListener('change', () => onChange(select.value));
  return el('div', {class: 'form-inline board-district'}, [
    el('label', {for: 'intervention-board-district'}, 'Bezirk '), select
  ]);
}

function render(node, api, compact) {
  const container = el('div', {class: 'intervention-board', 'aria-live': 'polite'}, 'Fristenübersicht wird geladen …');
  node.append(container);
  const show = district => load(api, district).then(board => {
    const parts = [];
    if (compact) {
      parts.push(el('p', {}, [
        'Bezirk ' + board.districtName + ', Stand ' + board.asOf + '. ',
        el('a', {href: PAGE, class: 'board-page-link'}, 'Zur Fristenübersicht')
      ]), agencies(api, board, true));
    } else {
      parts.push(el('h1', {}, 'Fristenübersicht'), districtSelector(board, show),
        el('p', {class: 'board-as-of'}, 'Stand: ' + board.asOf),
        agencies(api, board, false), compliance(api, board), processes(board), conferences(board));
    }
    container.replaceChildren(...parts);
    container.setAttribute('data-district', board.district);
  }).catch(error => {
    container.replaceChildren(el('div', {class: 'alert alert-danger', role: 'alert'}, error.message));
  });
  show(null);
}

export default [
  {
    id: PLUGIN + '-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    checkActive: path => path.indexOf(PAGE) > -1,
    render: node => node.append(el('a', {href: PAGE}, 'Fristen'))
  },
  {
    id: PLUGIN + '-page',
    pluginPoint: 'cockpit.route',
    properties: {path: '/fristen', label: 'Fristenübersicht'},
    render: (node, {api}) => render(node, api, false)
  },
  {
    id: PLUGIN + '-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 10,
    properties: {label: 'Fristen'},
    render: (node, {api}) => render(node, api, true)
  }
];
