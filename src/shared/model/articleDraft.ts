/**
 * An article as a reader found it in an imported file, before it gets its
 * canonical text, hash and id: the text plus whatever metadata the file
 * gave. And the checks that turn metadata found in the wild (HTML meta tags)
 * into values the model accepts, or nothing.
 */

export interface ArticleDraft {
  text: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** `YYYY-MM-DD`. */
  date: string | null;
  /** An http(s) address. */
  url: string | null;
  /** A language tag such as `en` or `de-CH`. */
  language: string | null;
  /** An id the file asked for (batch files only). */
  id: string | null;
  /** Where in its file it came from ("item 3" of a batch), for the report; null for a one-article file. */
  where: string | null;
  /** The standfirst (dek, summary) the source gives, when it gives one. */
  standfirst?: string | null;
  /** `YYYY-MM-DD` of the last change the source declares. */
  modified?: string | null;
  /** Why the text may not be the whole article (too short for its page…), for the import report; null when none. */
  warning?: string | null;
}

export function emptyDraft(text: string): ArticleDraft {
  return { text, title: null, outlet: null, author: null, date: null, url: null, language: null, id: null, where: null };
}

/** White space runs as one space, trimmed, cut to `max` characters; null when nothing is left. */
export function cleanLine(value: string | null | undefined, max: number): string | null {
  if (value == null) return null;
  const line = value.replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** `YYYY-MM-DD` from a date or an ISO timestamp that starts with one (a real calendar day); else null. */
export function isoDate(value: string | null | undefined): string | null {
  const m = value == null ? null : ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** A BCP 47-looking language tag (`en_US` becomes `en-US`); else null. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && tag.length <= 35 && LANGUAGE_TAG.test(tag) ? tag : null;
}

/** The address when it is an absolute http(s) URL (never `javascript:` and the like); else null. */
export function webUrl(value: string | null | undefined): string | null {
  const url = value?.trim();
  if (!url || url.length > 4_000 || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url;
}
