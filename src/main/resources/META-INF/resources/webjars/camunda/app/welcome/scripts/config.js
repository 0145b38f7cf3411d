// Our Welcome configuration; it replaces the webjar's file of the same path (classpath order: the application's
// resources come first). Shared settings and the reasons behind them: app/intervention/intervention.js.
export default {
  // German for browsers whose first language is German, English for all others.
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
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
  // Lang attribute, accessibility fixes, link to the accessibility statement.
  customScripts: ['../intervention/intervention']
};
