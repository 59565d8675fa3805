/** What other screens may use of import and export: the library's import buttons, drop target and report. */
export { LibraryImport } from './LibraryImport';
