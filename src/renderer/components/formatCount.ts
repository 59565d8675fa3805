/**
 * A count as a researcher reads it: grouped the way the user's locale groups
 * digits ("100,000" in English, "100.000" in German, "100 000" in French),
 * and, given a noun, followed by it in the singular or the plural
 * ("1 article", "100,000 articles"; `many` where the plural is not noun + s).
 * The locale is the user's: the browser's (or Electron's) preferred
 * languages, unless `locales` names one.
 */
export function formatCount(n: number, one?: string, many?: string, locales?: string | readonly string[]): string {
  const digits = formatterFor(locales ?? userLocales()).format(n);
  if (one === undefined) return digits;
  return `${digits} ${n === 1 ? one : (many ?? `${one}s`)}`;
}

/** One formatter per locale list: made once, as a list of 100 rows asks for hundreds of counts. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locales: readonly string[] | string | undefined): Intl.NumberFormat {
  const key = locales === undefined ? '' : typeof locales === 'string' ? locales : locales.join(',');
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = makeFormatter(locales);
    formatters.set(key, formatter);
  }
  return formatter;
}

function makeFormatter(locales: readonly string[] | string | undefined): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locales as string | string[] | undefined, { maximumFractionDigits: 0 });
  } catch {
    // A malformed language tag: the runtime's own locale rather than no count at all.
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  }
}

/** The user's preferred languages as the page knows them; undefined (the runtime's locale) where there is no page. */
function userLocales(): readonly string[] | undefined {
  const languages = typeof navigator === 'undefined' ? undefined : navigator.languages;
  return languages && languages.length > 0 ? languages : undefined;
}
