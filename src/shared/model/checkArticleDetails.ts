/**
 * Checks a change to an article's editable details (title, outlet, author,
 * date, URL, language, note): text is trimmed and blank optional fields
 * become null ("unknown"); the date must be a real calendar date written
 * YYYY-MM-DD, the URL an http(s) address, the language a tag such as "en",
 * "de-CH" or "zh-Hant". Returns the tidied change, or one sentence saying
 * what is wrong.
 */
export interface ArticleDetailsChange {
  title?: string;
  outlet?: string | null;
  author?: string | null;
  date?: string | null;
  url?: string | null;
  language?: string | null;
  note?: string;
}

export type ArticleDetailsCheck = { ok: true; change: ArticleDetailsChange } | { ok: false; message: string };

const orNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function checkArticleDetails(input: ArticleDetailsChange): ArticleDetailsCheck {
  const change: ArticleDetailsChange = {};
  if (input.title !== undefined) change.title = input.title.trim();
  if (input.note !== undefined) change.note = input.note;
  for (const key of ['outlet', 'author', 'date', 'url', 'language'] as const) {
    const value = orNull(input[key]);
    if (value !== undefined) change[key] = value;
  }
  if (change.date && !isCalendarDate(change.date)) {
    return { ok: false, message: `The date "${change.date}" is not a calendar date written YYYY-MM-DD (e.g. 2022-05-23).` };
  }
  if (change.url) {
    let url: URL | null = null;
    try {
      url = new URL(change.url);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
      return { ok: false, message: `The URL "${change.url}" is not a web address starting with http:// or https://.` };
    }
  }
  if (change.language && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(change.language)) {
    return { ok: false, message: `The language "${change.language}" is not a language tag such as "en", "de-CH" or "zh-Hant".` };
  }
  return { ok: true, change };
}
