// Settings every web app's scripts/config.js shares (those files replace the webjar's of the same path: the
// application's resources come first on the classpath). See docs/ACCESSIBILITY.md.

// The browser's first language, as Camunda picks the app's language.
const browserLanguage = ((navigator.languages && navigator.languages[0]) || navigator.language || 'en')
  .split('-')[0].toLowerCase();

/** True when the app shows German (the browser's first language is German). */
export const german = browserLanguage === 'de';

export default {
  // German for browsers whose first language is German, English for all others. The fallback is the language the
  // app picks: Camunda loads the fallback's translations as well, and each file also sets the global date locale
  // (moment.js), so with two files the one that arrived last decided the weekday and month names, at random.
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: german ? 'de' : 'en'
  },
  // dd.MM.yyyy and HH:mm whatever the browser's language (moment.js formats).
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, DD.MM.YYYY HH:mm',
    short: 'DD.MM.YYYY'
  },
  // Lang attribute, hidden actions, date pickers, accessibility repairs, link to the accessibility statement.
  // Relative to the app's folder (app/<name>/), so the same path serves every app.
  customScripts: ['../intervention/intervention']
};
