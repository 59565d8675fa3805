/**
 * The canonical text of an article: the one string every annotation offset is
 * measured over. Only line endings are normalised and a leading
 * ` date YYYY-MM-DD ` marker (as the corpus files carry) is lifted off into
 * the article's date; the typography is kept exactly as it was.
 */

/** ` date 2022-05-23 ` at the very start; the leading space is optional. */
const DATE_PREFIX = /^ ?date (\d{4}-\d{2}-\d{2})(?: |(?=\n)|$)/;

export interface CanonicalArticleText {
  text: string;
  /** ISO date `YYYY-MM-DD` from the prefix, or null when there was none. */
  date: string | null;
}

export function canonicalArticleText(raw: string): CanonicalArticleText {
  const normalised = raw.replace(/\r\n?/g, '\n');
  const match = DATE_PREFIX.exec(normalised);
  if (!match) return { text: normalised, date: null };
  return { text: normalised.slice(match[0].length), date: match[1]! };
}

/** A sentence ends at . ! or ? followed by white space, a quote mark or the end. */
const SENTENCE_END = /[.!?](?=[\s'"‘’“”«»]|$)/;
const CLOSING_QUOTES = /^['"’”»]+/;

/**
 * The article's first sentence (or first line, whichever ends first), cut at
 * a word boundary with "…" when longer than `max` characters.
 */
export function articleTitle(text: string, max = 120): string {
  const body = text.replace(/^\s+/, '');
  const newline = body.indexOf('\n');
  const firstLine = newline === -1 ? body : body.slice(0, newline);
  const end = SENTENCE_END.exec(firstLine);
  let sentence = firstLine;
  if (end) {
    const afterStop = end.index + 1;
    const quotes = CLOSING_QUOTES.exec(firstLine.slice(afterStop));
    sentence = firstLine.slice(0, afterStop + (quotes ? quotes[0].length : 0));
  }
  sentence = sentence.trimEnd();
  if (sentence.length <= max) return sentence;
  return `${cutAtWord(sentence, max - 1)}…`;
}

/** At most `limit` characters, ending at a word boundary when there is one. */
function cutAtWord(s: string, limit: number): string {
  let cut = s.slice(0, limit);
  const boundary = s[limit] === undefined || /\s/.test(s[limit]!) ? limit : cut.search(/\s+\S*$/);
  if (boundary > 0) cut = cut.slice(0, boundary);
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  return cut.trimEnd();
}
