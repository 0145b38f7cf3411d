package de.nrw.intervention.browser;

/**
 * The browser language a test user has, and the web apps' own texts the tests look for in that language (Camunda's
 * {@code app/<name>/locales/*.json}; our names of processes, tasks and filters are German in both). One place to fix
 * when a Camunda upgrade rewords a label.
 */
enum WebAppLanguage {

  GERMAN("de-DE", "de", "Prozess starten", "Start", "Diese Aufgabe übernehmen", "Abschließen",
      "Ein Fehler ist beim Abschließen der Aufgabe aufgetreten.",
      "Ein Fehler ist beim Übernehmen der Aufgabe aufgetreten.",
      "Prozesse", "Fachlicher Schlüssel:", "Diagramm laden", "Tasks", "Keine laufende Prozessinstanz mit der ID ",
      "Erklärung zur Barrierefreiheit", "Die Aufgabe existiert nicht mehr", "Pflichtfeld: bitte ausfüllen."),
  ENGLISH("en-US", "en", "Start process", "Start", "Claim", "Complete",
      "An error happened while submitting the task form",
      "An error happened while claiming the task.",
      "Processes", "Business Key:", "Loading diagram", "User Tasks", "No running process instance with ID ",
      "Accessibility statement (German)", "The task does not exist anymore", "Field is required.");

  final String browserLocale;
  final String htmlLang;
  final String startProcess;
  final String start;
  final String claim;
  final String complete;
  final String completeError;
  final String claimError;
  final String cockpitProcesses;
  final String cockpitBusinessKey;
  final String loadingDiagram;
  final String cockpitUserTasks;
  final String noRunningInstance;
  final String statementLink;
  final String taskNotExist;
  /** form-js's message under an empty required field (ours in German, intervention.js; form-js's own in English). */
  final String requiredField;

  WebAppLanguage(String browserLocale, String htmlLang, String startProcess, String start, String claim,
      String complete, String completeError, String claimError, String cockpitProcesses, String cockpitBusinessKey,
      String loadingDiagram, String cockpitUserTasks, String noRunningInstance, String statementLink,
      String taskNotExist, String requiredField) {
    this.browserLocale = browserLocale;
    this.htmlLang = htmlLang;
    this.startProcess = startProcess;
    this.start = start;
    this.claim = claim;
    this.complete = complete;
    this.completeError = completeError;
    this.claimError = claimError;
    this.cockpitProcesses = cockpitProcesses;
    this.cockpitBusinessKey = cockpitBusinessKey;
    this.loadingDiagram = loadingDiagram;
    this.cockpitUserTasks = cockpitUserTasks;
    this.noRunningInstance = noRunningInstance;
    this.statementLink = statementLink;
    this.taskNotExist = taskNotExist;
    this.requiredField = requiredField;
  }
}
