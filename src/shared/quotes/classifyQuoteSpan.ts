/**
 * Whether quoted text is likely speech, or quotation marks used for
 * something else: a title of a work or a named thing in title case ("Meet
 * the Press", "Ban on Face Coverings"), an article title followed by its
 * byline (“…,” by Jane Roe), a one- or two-word scare quote no one is
 * credited with and whose sentence has no speech cue ("so-called “experts”";
 * see sentenceHasSpeechCue), or markup residue (attribute values such as
 * id="123", handles, dates, URLs).
 *
 * Quotes classified as not speech are still found (see detectQuotes); the
 * CLI leaves them out unless asked, and suggestions offer scare quotes marked
 * as likely not speech, ranked last.
 */

import { outletInMarks } from './outletInMarks';
import { namedThingBefore } from './namedThingBefore';
import { sentenceHasSpeechCue } from './sentenceHasSpeechCue';

export type QuoteUse = 'speech' | 'title' | 'scare' | 'markup';

export interface QuoteContext {
  /** Offsets of the quoted words and of the marks. */
  start: number;
  end: number;
  open: number;
  close: number;
  /** Someone is credited with it (a speech verb, a colon, a clause subject). */
  credited: boolean;
  /** A speech verb attributes it (not only a clause subject). */
  cued: boolean;
}

/** Short words that stay lower case in a title ("Ban on Face Coverings"). */
const TITLE_SMALL_WORDS = new Set([
  'a', 'an', 'the', 'of', 'on', 'in', 'to', 'for', 'and', 'or', 'with', 'at', 'by', 'from', 'as', 'but', 'nor', 'vs', 'de', 'la', 'le',
]);
/** Words right before a quoted title naming what it is ("the show “…”", "told “Fox and Friends”", "an interview with “…”"). */
const WORK_BEFORE =
  /\b(?:show|program|programme|series|episode|book|memoir|novel|film|movie|documentary|song|album|column|essay|op-ed|headline|slogan|ad|video|podcast|newsletter|bill|act|initiative|told|with|on|titled|called|named|dubbed|pseudonym|nickname|moniker|alias|hashtag)\s*[,:]?\s*$/i;
/** A channel's possessive right before a quote: "CNN’s", "NBC's", "MSNBC’s". */
const OUTLET_POSSESSIVE = /\b(?:\p{Lu}{2,6}|Fox|Fox News|Bloomberg|Sky)['’]s\s*$/u;

const SINGLE_MARKS = new Set(["'", '‘', '‚']);

/** Nothing but the quote on its line, and the line before does not introduce it with a colon. */
function aloneOnLine(text: string, q: QuoteContext): boolean {
  const from = text.lastIndexOf('\n', q.open - 1) + 1;
  let to = text.indexOf('\n', q.close);
  if (to < 0) to = text.length;
  if (from === 0 || text.slice(from, q.open).trim() !== '' || !/^[\s.!?,]*$/.test(text.slice(q.close, to))) return false;
  return !/:\s*$/.test(text.slice(Math.max(0, from - 40), from));
}

/** The quote's line is short, holds nothing but a few words around the quote, and ends without a full sentence after it. */
function isShortHeading(text: string, q: QuoteContext): boolean {
  const from = text.lastIndexOf('\n', q.open - 1) + 1;
  if (from === 0) return false; // the article's title line is its headline (see detectQuotes)
  let to = text.indexOf('\n', q.close);
  if (to < 0) to = text.length;
  const line = text.slice(from, to).trim();
  const outside = `${text.slice(from, q.open)} ${text.slice(q.close, to)}`.trim();
  const nextLine = text.slice(to, to + 3);
  const outsideWords = outside.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  // (A quote alone on its line is a quote paragraph carrying on, not a heading.)
  return line.length <= 70 && outsideWords >= 1 && outsideWords <= 5 && !/[.;:,]\s*$/.test(outside) && /^\n/.test(nextLine) && !/\b(?:said|says|told|asked|wrote|added)\b/.test(outside);
}

/** Longest title-case phrase taken for a title. */
const TITLE_WORDS = 8;
/** Longest title-case phrase taken for a title right after the noun of a work ("his book “…”"). */
const LONG_TITLE_WORDS = 16;
/** The noun of a work right before its title: "his book “…”", "the film “…”". */
const WORK_NOUN_BEFORE = /\b(?:book|memoir|novel|film|movie|documentary|song|album|essay|op-ed|play|musical|report|study|paper)\s*[,:]?\s*$/i;

/** How many lines at the top of an article are read as its headline and deck. */
const HEADLINE_LINES = 3;
/** Longest headline or deck line. */
const HEADLINE_CHARS = 160;

/** `pos` lies in one of the article's first short lines (its headline and deck). */
function inHeadlineLines(text: string, pos: number): boolean {
  let lines = 0;
  for (let from = 0; from <= pos && lines < HEADLINE_LINES; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (text.slice(from, to).trim() !== '') {
      lines++;
      if (to - from > HEADLINE_CHARS) return false;
      if (pos < to) return true;
    }
    from = to + 1;
  }
  return false;
}

/** The quote sits in the text of an HTML link on its line (markup left over from the page). */
function insideLink(text: string, q: QuoteContext): boolean {
  const from = text.lastIndexOf('\n', q.open - 1) + 1;
  let to = text.indexOf('\n', q.close);
  if (to < 0) to = text.length;
  const before = text.slice(from, q.open);
  const open = before.lastIndexOf('<a ');
  return open >= 0 && !before.slice(open).includes('</a>') && text.slice(q.close, to).includes('</a>');
}

export function classifyQuoteSpan(text: string, q: QuoteContext): QuoteUse {
  const exact = text.slice(q.start, q.end);
  if (isMarkup(text, q, exact)) return 'markup';
  // “Headline of the piece,” by Jane Roe
  // (also “…,” by the New York Post's Jane Roe, and “… ‘Neverland,’” by Jane Roe with the comma inside a nested quote)
  if (/^\s*,\s*by\s+(?:the\s+)?\p{Lu}/u.test(text.slice(q.close, q.close + 40)) || /^,\s*\S?\s*by\s+(?:the\s+)?\p{Lu}/u.test(text.slice(q.end, q.end + 40))) return 'title';
  if (/,\s*['’‘]$/u.test(exact) && /^\S?\s*by\s+(?:the\s+)?\p{Lu}/u.test(text.slice(q.close, q.close + 40))) return 'title';
  const words = exact.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return 'markup';
  // A hashtag in marks (“#BringBackOurGirls”) names a campaign; it is no one's speech.
  if (/^#\p{L}[\p{L}\p{N}_]*$/u.test(exact.trim())) return 'title';
  // A word glued to a suffix outside the marks is a term, not speech: “moan”-worthy.
  if (words.length <= 2 && /^\S?-\p{L}/u.test(text.slice(q.close, q.close + 3))) return 'title';
  // A label of a page's furniture: “Related:”, “Read more:”.
  if (words.length <= 2 && /:\s*$/.test(exact)) return 'markup';
  // Link text left from a page: <a href=…>… “…” …</a>.
  if (insideLink(text, q)) return 'markup';
  // "der Film „…“", "la novela «…»", "nicknamed “…”", "Photo: “…”" (see namedThingBefore).
  const named = namedThingBefore(text.slice(Math.max(0, q.open - 40), q.open));
  if (named === 'caption') return 'markup';
  if (named === 'title' && words.length <= TITLE_WORDS && !/[.!?]$/u.test(exact.trim())) return 'title';
  if (named === 'label' && !q.cued && words.length <= 4) return 'scare';
  // An outlet told: sagte Hans Weber der „Süddeutschen Zeitung“.
  if (outletInMarks(text.slice(Math.max(0, q.open - 40), q.open), words)) return 'title';
  // A serial's title: “Stealing Home,” Part 3.
  if (/^[\s,.:]{0,3}Part\s+(?:\d+|[IVX]+|One|Two|Three|Four|Five)\b/u.test(text.slice(q.close, q.close + 12))) return 'title';
  // A long title right after the work it names: his book “Backfire: … of Hewlett-Packard.”
  if (words.length <= LONG_TITLE_WORDS && WORK_NOUN_BEFORE.test(text.slice(Math.max(0, q.open - 40), q.open)) && isTitleCase(words.map((w) => w.replace(/[.!?]+$/, '')))) return 'title';
  // A button or link label: click “sign up”, clicking the “subscribe” button.
  if (/\b(?:click|clicking|tap|tapping|press|select)\s+(?:on\s+)?(?:the\s+)?$/i.test(text.slice(Math.max(0, q.open - 30), q.open))) return 'markup';
  // A poster or slogan dated in brackets: “No to …” (2005).
  if (/^[\s,.]{0,2}\((?:\d{4}|[\p{Lu}][^)]{0,40}\d{4})\)/u.test(text.slice(q.close, q.close + 50))) return 'title';
  // A work followed by its author: “Perfect Enough: …” by George Anders.
  if (/^[\s,]*by\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(text.slice(q.close, q.close + 40)) && isTitleCase(words.slice(0, TITLE_WORDS))) return 'title';
  // A section heading: a short line of its own with the quote and no sentence around it ("A ‘$25 billion mistake’?"),
  // or a short single-quoted line of its own (American news quote speech in double marks, headings in single ones).
  if (!q.cued && (isShortHeading(text, q) || (words.length <= 8 && SINGLE_MARKS.has(text[q.open]!) && aloneOnLine(text, q)))) return 'title';
  // A nickname inside a name: Gov. C.L. “Butch” Otter, Juan “Chico” Ortiz.
  if (words.length <= 2 && !/[.!?,]$/.test(exact) && !inTitleCaseLine(text, q) && /(?:\b\p{Lu}\p{Ll}+|\p{Lu}\.)\s$/u.test(text.slice(Math.max(0, q.open - 12), q.open)) && !TITLE_SMALL_WORDS.has((/(\p{L}+)\s$/u.exec(text.slice(Math.max(0, q.open - 12), q.open))?.[1] ?? '').toLowerCase()) && /^\s\p{Lu}\p{Ll}/u.test(text.slice(q.close, q.close + 3)) && isTitleCase(words)) return 'title';
  // A quote right before a link is a linked excerpt or headline (newsletters), not speech reported here.
  if (/^\s{0,2}\(?https?:\/\//.test(text.slice(q.close, q.close + 12))) return 'title';
  const titleCase = words.length <= TITLE_WORDS && !/[?!]/.test(exact) && midSentence(text, q.open) && isTitleCase(words) && !inTitleCaseLine(text, q);
  if (titleCase && (!q.cued || WORK_BEFORE.test(text.slice(Math.max(0, q.open - 40), q.open)))) return 'title';
  // A show named by its channel: on NBC’s “Meet the Press”, ABC's “This Week.”
  if (words.length <= TITLE_WORDS && OUTLET_POSSESSIVE.test(text.slice(Math.max(0, q.open - 30), q.open)) && isTitleCase(words.length === 1 ? [words[0]!.replace(/[.!?,]+$/, ''), ''] : words)) return 'title';
  // A term in single marks in the article's headline lines that no one is credited with ("Nevada a ‘newcomer’ in …").
  // (A headline in title case keeps its quotes: "Mayor Calls Rival ‘A Total Disgrace’".)
  if (!q.credited && words.length <= 3 && SINGLE_MARKS.has(text[q.open]!) && inHeadlineLines(text, q.open) && !inTitleCaseLine(text, q)) return 'title';
  // One or two words no one is credited with: a partial quote when its sentence speaks of words said or
  // thought ("who says it's “disastrous”"), else a scare quote or label ("the GOP’s “establishment” candidate").
  if (!q.credited && words.length <= 2 && !sentenceHasSpeechCue(text, q)) return 'scare';
  return 'speech';
}

/** Words come before the opening mark in its sentence ("the bipartisan “Gang of Eight”"), not a new sentence or paragraph. */
function midSentence(text: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0')) i--;
  return i >= 0 && /[\p{L}\p{N},]/u.test(text[i]!);
}

function isMarkup(text: string, q: QuoteContext, exact: string): boolean {
  const before = text.slice(Math.max(0, q.open - 2), q.open);
  if (/=\s*$/.test(before)) return true; // id="750366…"
  if (/^[@#]?[\w.-]+$/.test(exact) && /\d/.test(exact) && !/\p{L}{3,}/u.test(exact.replace(/\d/g, ''))) return true;
  if (/^@\w+$/.test(exact) || /^https?:\/\//.test(exact)) return true;
  return false;
}

function isTitleCase(words: readonly string[]): boolean {
  let capitalised = 0;
  for (const [i, raw] of words.entries()) {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (w === '') continue;
    if (/^\p{Lu}/u.test(w) || /^\d/.test(w)) {
      capitalised++;
      continue;
    }
    if (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())) continue;
    return false;
  }
  // One capitalised word at the start of a sentence-like quote is not a title ("Enough.").
  return capitalised >= 1 && !(words.length === 1 && /[.!?]$/.test(words[0]!));
}

/** The quote sits in a line written in title case (a headline): its own capitals say nothing. */
function inTitleCaseLine(text: string, q: QuoteContext): boolean {
  const from = text.lastIndexOf('\n', q.open - 1) + 1;
  let to = text.indexOf('\n', q.close);
  if (to < 0) to = text.length;
  const outside = `${text.slice(from, q.open)} ${text.slice(q.close, to)}`.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (outside.length < 3) return false;
  const capitals = outside.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitals / outside.length >= 0.7;
}
