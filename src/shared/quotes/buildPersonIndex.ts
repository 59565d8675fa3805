/**
 * The people an article names, and where: enough to turn "Mr Bondarev" into
 * "Boris Bondarev" and to say whom a "he" most likely refers to.
 *
 * A person is a run of two to four capitalised words ("Boris Bondarev") or a
 * name after a title ("Mr Bondarev", "Foreign Minister Sergey Lavrov"), unless
 * the run reads as an institution or place (the/The before it, words such as
 * Nations, Ministry, News; months and weekdays). Every later occurrence of the
 * surname is a mention. A mention counts as a sentence subject when it is
 * the first person named in its sentence, within its first eight words, or
 * when a speech verb follows it.
 */
import {
  ABBREVIATIONS,
  BETWEEN_SUBJECT_AND_VERB,
  CAPITALISED_STOP_WORDS,
  INSTITUTION_WORDS,
  MONTHS_AND_DAYS,
  SPEECH_VERBS,
  TITLES,
} from './attributionWords';
import { isCapitalised, isPossessive, textTokens, withoutPossessive, type TextToken } from './textTokens';

export interface PersonIndex {
  /** Full names found, in order of first appearance. */
  readonly people: readonly string[];
  /** The fullest form of a name as written: "Mr Bondarev" → "Boris Bondarev"; unknown names come back cleaned of titles. */
  canonical(name: string): string;
  /**
   * Whom a "he"/"she"/"the diplomat" at `pos` refers to: the latest person
   * named as a sentence subject before it, else the latest named at all, else
   * (a news lede) the first one named shortly after; null when nobody is.
   */
  resolve(pos: number): string | null;
}

interface Mention {
  start: number;
  name: string;
  subject: boolean;
  possessive: boolean;
  inQuote: boolean;
}

/** How far after a pronoun a lede may name its person. */
const LOOK_AHEAD_CHARS = 600;
/** The first person named in a sentence, within this many words of its start, is its subject. */
const SUBJECT_WORDS = 8;

export function buildPersonIndex(text: string, quotes: readonly { start: number; end: number }[] = []): PersonIndex {
  const tokens = textTokens(text);
  const bySurname = new Map<string, string[]>();
  for (const run of capitalisedRuns(tokens)) {
    const name = personName(tokens, run);
    if (!name) continue;
    const surname = name[name.length - 1]!;
    const known = bySurname.get(surname);
    if (!known || name.length > known.length) bySurname.set(surname, name);
  }
  const fullName = (surname: string): string | undefined => bySurname.get(surname)?.join(' ');
  const mentions = findMentions(tokens, bySurname, quotes);
  const people = [...new Set(mentions.map((m) => m.name))];

  return {
    people,
    canonical(name: string): string {
      const words = name.trim().split(/\s+/).map(withoutPossessive);
      while (words.length > 1 && (TITLES.has(words[0]!) || words[0] === 'the' || words[0] === 'The')) words.shift();
      const known = fullName(words[words.length - 1]!);
      if (known && known.endsWith(words.join(' '))) return known;
      return words.join(' ');
    },
    resolve(pos: number): string | null {
      let lo = 0;
      let hi = mentions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (mentions[mid]!.start < pos) lo = mid + 1;
        else hi = mid;
      }
      const before = lo - 1;
      for (let i = before; i >= 0; i--) if (mentions[i]!.subject && !mentions[i]!.inQuote) return mentions[i]!.name;
      for (let i = before; i >= 0; i--) if (!mentions[i]!.possessive && !mentions[i]!.inQuote) return mentions[i]!.name;
      for (let i = lo; i < mentions.length && mentions[i]!.start < pos + LOOK_AHEAD_CHARS; i++) {
        if (mentions[i]!.subject && !mentions[i]!.inQuote) return mentions[i]!.name;
      }
      for (let i = lo; i < mentions.length && mentions[i]!.start < pos + LOOK_AHEAD_CHARS; i++) {
        if (!mentions[i]!.possessive && !mentions[i]!.inQuote) return mentions[i]!.name;
      }
      return null;
    },
  };
}

/** [first, last] token indices of runs of capitalised words and titles (a possessive ends a run). */
function capitalisedRuns(tokens: readonly TextToken[]): [number, number][] {
  const runs: [number, number][] = [];
  let first = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const joins = t !== undefined && t.word && (isCapitalised(t.text) || TITLES.has(t.text)) && (first === -1 || !t.newlineBefore);
    if (joins) {
      if (first === -1) first = i;
      if (isPossessive(t.text)) {
        runs.push([first, i]);
        first = -1;
      }
      continue;
    }
    // "Mr." keeps the run going.
    if (t && t.text === '.' && first !== -1 && TITLES.has(`${tokens[i - 1]!.text}.`)) continue;
    if (first !== -1) runs.push([first, i - 1]);
    first = -1;
  }
  return runs;
}

/** The run's person name as words, or null when it is not a person. */
function personName(tokens: readonly TextToken[], [first, last]: [number, number]): string[] | null {
  const before = tokens[first - 1];
  if (before?.word && before.text.toLowerCase() === 'the') return null;
  const words: string[] = [];
  for (let i = first; i <= last; i++) if (tokens[i]!.word) words.push(withoutPossessive(tokens[i]!.text));
  if (words[0] === 'The') return null;
  while (words.length > 0 && CAPITALISED_STOP_WORDS.has(words[0]!) && !TITLES.has(words[0]!)) words.shift();
  let title = -1;
  for (let i = 0; i < words.length; i++) if (TITLES.has(words[i]!)) title = i;
  const name = words.slice(title + 1);
  if (name.length === 0 || name.length > 4) return null;
  if (title === -1 && name.length < 2) return null;
  const notAName = (w: string): boolean =>
    INSTITUTION_WORDS.has(w) || MONTHS_AND_DAYS.has(w) || CAPITALISED_STOP_WORDS.has(w) || TITLES.has(w);
  return name.some(notAName) ? null : name;
}

function findMentions(
  tokens: readonly TextToken[],
  bySurname: ReadonlyMap<string, string[]>,
  quotes: readonly { start: number; end: number }[],
): Mention[] {
  const mentions: Mention[] = [];
  let sentenceWord = 0;
  let runStartWord = 0;
  /** A person has been named (not as a possessive) earlier in this sentence. */
  let namedInSentence = false;
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.newlineBefore) {
      sentenceWord = 0;
      namedInSentence = false;
    }
    if (!t.word) {
      if ((t.text === '.' || t.text === '!' || t.text === '?') && !ABBREVIATIONS.has(tokens[i - 1]?.text ?? '')) {
        sentenceWord = 0;
        namedInSentence = false;
      }
      continue;
    }
    const previous = tokens[i - 1];
    const continuesRun = previous !== undefined && previous.word && isCapitalised(previous.text) && !t.newlineBefore;
    if (!continuesRun) runStartWord = sentenceWord;
    sentenceWord++;
    const surname = withoutPossessive(t.text);
    const name = bySurname.get(surname);
    if (!name || !isCapitalised(t.text)) continue;
    const next = tokens[i + 1];
    const verbNext = next !== undefined && next.word && (SPEECH_VERBS.has(next.text) || BETWEEN_SUBJECT_AND_VERB.has(next.text));
    const possessive = isPossessive(t.text);
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    mentions.push({
      start: t.start,
      name: name.join(' '),
      possessive,
      subject: !possessive && ((!namedInSentence && runStartWord < SUBJECT_WORDS) || verbNext),
      inQuote: q < quotes.length && quotes[q]!.start <= t.start,
    });
    if (!possessive) namedInSentence = true;
  }
  return mentions;
}
