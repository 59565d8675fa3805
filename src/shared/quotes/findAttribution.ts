/**
 * Rule-based attribution of one quote: who said it (speaker) and the words
 * that say so (cue), found in the quote's own sentence, outside any quote.
 *
 * In order:
 * 1. Right after the quote, a speech verb within the first few words:
 *    `“…,” he said` / `“…,” said Hillel Neuer` / `“…,” the former diplomat responded`.
 * 2. Before the quote, the speech verb nearest to it:
 *    `Bondarev said: “…”` / `He wrote, "…"` / `…, declaring “…”` (a participle
 *    takes the sentence's subject) / `according to Reuters, “…”`.
 * 3. A speech verb further on in the sentence after the quote.
 *
 * The speaker is the verb's subject: a name (made as full as the article
 * allows: "Mr Bondarev" → "Boris Bondarev"), "he"/"she" or a description
 * such as "the former diplomat" (resolved to the most recent person named; see
 * buildPersonIndex), or null when it is "they", "we" or nothing we can name.
 * The cue is the verb, with the object of "told" and a channel right after it:
 * "said", "told Reuters", "continued in the letter", "according to".
 */
import {
  ABBREVIATIONS,
  BETWEEN_SUBJECT_AND_VERB,
  CAPITALISED_STOP_WORDS,
  CHANNEL_DETERMINERS,
  CHANNEL_NOUNS,
  DESCRIPTION_DETERMINERS,
  MONTHS_AND_DAYS,
  PERSON_NOUNS,
  PHRASAL_CUES,
  RESOLVABLE_PRONOUNS,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
  TITLES,
  TOLD_OBJECTS,
  UNRESOLVED_PRONOUNS,
} from './attributionWords';
import type { PersonIndex } from './buildPersonIndex';
import type { QuoteSpan } from './findQuoteSpans';
import { isCapitalised, isPossessive, textTokens, withoutPossessive, type TextToken } from './textTokens';

export interface TextSpan {
  start: number;
  end: number;
}

export interface Attribution {
  speaker: string | null;
  cue: string;
  /** Where the speaker is named or referred to ("he"); null when there is no subject. */
  speakerSpan: TextSpan | null;
  cueSpan: TextSpan;
}

/** Words after a quote within which "he said" / "said X" must start. */
const AFTER_WORDS = 6;
/** Longest stretch of sentence looked at after a quote. */
const AFTER_CHARS = 250;
/** Longest stretch looked at before a quote. */
const BEFORE_CHARS = 400;
/** Most words in an apposition skipped between a subject and its verb ("Boris Bondarev, 41, said"). */
const APPOSITION_WORDS = 25;

export function findAttribution(text: string, quotes: readonly QuoteSpan[], index: number, people: PersonIndex): Attribution | null {
  const quote = quotes[index]!;
  const previous = quotes[index - 1];
  const next = quotes[index + 1];
  // The windows stop at the paragraph, the neighbouring quotes and a fixed length.
  let lower = Math.max(previous ? previous.close : 0, quote.open - BEFORE_CHARS);
  let upper = Math.min(next ? next.open : text.length, quote.close + AFTER_CHARS);
  for (let i = quote.open - 1; i >= lower; i--) {
    if (text.charCodeAt(i) === 10) {
      lower = i + 1;
      break;
    }
  }
  for (let i = quote.close; i < upper; i++) {
    if (text.charCodeAt(i) === 10) {
      upper = i;
      break;
    }
  }

  const sentenceStart = startOfSentence(text, lower, quote.open);
  const before = textTokens(text, sentenceStart, quote.open);
  const after = textTokens(text, quote.close, endOfSentence(text, quote.close, upper));
  const endedSentence = '.!?…'.includes(text[quote.end - 1]!);
  const context: Context = { text, people, sentenceStart };

  // 1. "…,” he said" — unless the quote ended its sentence and a new, longer one follows.
  const shortTail = !endedSentence || after.filter((t) => t.word).length <= 8;
  const afterCues = shortTail ? cuesIn(after) : [];
  const early = afterCues.filter((c) => wordsBefore(after, c) < AFTER_WORDS);
  // 2. "Bondarev said: “…”", nearest to the quote first.
  const beforeCues = cuesIn(before).reverse();
  // 3. "“…”, which he said …"
  const further = afterCues.filter((c) => wordsBefore(after, c) >= AFTER_WORDS);
  for (const [tokens, cues] of [[after, early], [before, beforeCues], [after, further]] as const) {
    for (const cue of cues) {
      const found = attribute(tokens, cue, context);
      if (found) return found;
    }
  }
  return null;
}

interface Context {
  text: string;
  people: PersonIndex;
  sentenceStart: number;
}

function isCueAt(tokens: readonly TextToken[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.word) return false;
  if (SPEECH_VERBS.has(t.text) || SPEECH_PARTICIPLES.has(t.text)) return true;
  const second = PHRASAL_CUES.get(t.text.toLowerCase());
  return second !== undefined && tokens[i + 1]?.text === second;
}

function cuesIn(tokens: readonly TextToken[]): number[] {
  const cues: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isCueAt(tokens, i)) cues.push(i);
  return cues;
}

function wordsBefore(tokens: readonly TextToken[], at: number): number {
  let words = 0;
  for (let i = 0; i < at; i++) if (tokens[i]!.word) words++;
  return words;
}

interface Subject {
  speaker: string | null;
  span: TextSpan | null;
}

/**
 * The attribution made by the cue at token `verb`, or null when the verb has
 * no subject (then it is not attributing: "he “simply cannot” continue").
 * Participles and "according to" need none of their own.
 */
function attribute(tokens: readonly TextToken[], verb: number, context: Context): Attribution | null {
  const v = tokens[verb]!;
  let cueEnd = verb;
  let subject: Subject | null;
  if (v.text.toLowerCase() === 'according') {
    cueEnd = verb + 1;
    subject = subjectAt(tokens, verb + 2, context, 'forward');
  } else {
    const second = PHRASAL_CUES.get(v.text);
    if (second !== undefined && tokens[verb + 1]?.text === second) cueEnd = verb + 1;
    if (v.text === 'told' || v.text === 'tells' || v.text === 'tell') cueEnd = toldObjectEnd(tokens, cueEnd);
    cueEnd = channelEnd(tokens, cueEnd);
    if (SPEECH_PARTICIPLES.has(v.text)) {
      subject = sentenceSubject(context);
    } else {
      subject = subjectBefore(tokens, verb, context) ?? invertedSubject(tokens, cueEnd + 1, context);
      if (!subject) return null;
    }
  }
  const cueSpan = { start: v.start, end: tokens[cueEnd]!.end };
  return {
    speaker: subject?.speaker ?? null,
    speakerSpan: subject?.span ?? null,
    cue: context.text.slice(cueSpan.start, cueSpan.end),
    cueSpan,
  };
}

/** "told Reuters", "told the AP", "told reporters". */
function toldObjectEnd(tokens: readonly TextToken[], at: number): number {
  const a = tokens[at + 1];
  const b = tokens[at + 2];
  if (!a?.word) return at;
  if ((a.text === 'the' || a.text === 'The') && b?.word && /^\p{Lu}/u.test(b.text)) return capitalisedRunEnd(tokens, at + 2);
  if (/^\p{Lu}/u.test(a.text)) return capitalisedRunEnd(tokens, at + 1);
  if (TOLD_OBJECTS.has(a.text)) return at + 1;
  return at;
}

/** "… in an email", "… in the letter", "… on LinkedIn". */
function channelEnd(tokens: readonly TextToken[], at: number): number {
  const a = tokens[at + 1];
  const b = tokens[at + 2];
  const c = tokens[at + 3];
  if (a?.text === 'in' && b && CHANNEL_DETERMINERS.has(b.text) && c && CHANNEL_NOUNS.has(c.text.toLowerCase())) return at + 3;
  if (a?.text === 'on' && b?.word && /^\p{Lu}/u.test(b.text)) return at + 2;
  return at;
}

function capitalisedRunEnd(tokens: readonly TextToken[], from: number): number {
  let i = from;
  while (tokens[i + 1]?.word && /^\p{Lu}/u.test(tokens[i + 1]!.text) && !isPossessive(tokens[i]!.text)) i++;
  return i;
}

/** The subject right before a finite verb: "Boris Bondarev, 41, said", "he had said", "Bondarev’s statement says". */
function subjectBefore(tokens: readonly TextToken[], verb: number, context: Context): Subject | null {
  let j = verb - 1;
  while (j >= 0 && tokens[j]!.word && BETWEEN_SUBJECT_AND_VERB.has(tokens[j]!.text)) j--;
  if (j >= 0 && tokens[j]!.text === ',') {
    // Skip an apposition back to the comma that opened it.
    let k = j - 1;
    let words = 0;
    while (k >= 0 && tokens[k]!.text !== ',' && words <= APPOSITION_WORDS) {
      if (tokens[k]!.word) words++;
      k--;
    }
    if (k < 0 || tokens[k]!.text !== ',') return null;
    j = k - 1;
  }
  if (j < 0) return null;
  return subjectAt(tokens, j, context, 'backward');
}

/** "said Hillel Neuer", "said he". */
function invertedSubject(tokens: readonly TextToken[], at: number, context: Context): Subject | null {
  const t = tokens[at];
  if (!t?.word) return null;
  const lower = t.text.toLowerCase();
  if (RESOLVABLE_PRONOUNS.has(lower) || isCapitalised(t.text) || TITLES.has(t.text)) return subjectAt(tokens, at, context, 'forward');
  return null;
}

/** The participle's subject is whoever the sentence is about: its first words. */
function sentenceSubject(context: Context): Subject | null {
  const tokens = textTokens(context.text, context.sentenceStart, Math.min(context.text.length, context.sentenceStart + 200));
  const first = tokens.findIndex((t) => t.word);
  if (first < 0) return null;
  const found = subjectAt(tokens, first, context, 'forward');
  if (found && (found.speaker === null || context.people.people.includes(found.speaker))) return found;
  // "One of Putin’s key allies …, declaring": a description; resolve it.
  const speaker = context.people.resolve(context.sentenceStart);
  return speaker ? { speaker, span: null } : null;
}

/**
 * The subject whose last word (backward) or first word (forward) is token `at`:
 * a pronoun, a name, a possessive name before a noun or a person description.
 */
function subjectAt(tokens: readonly TextToken[], at: number, context: Context, direction: 'backward' | 'forward'): Subject | null {
  const t = tokens[at];
  if (!t?.word) return null;
  const lower = t.text.toLowerCase();
  const span = (from: number, to: number): TextSpan => ({ start: tokens[from]!.start, end: tokens[to]!.end });
  if (RESOLVABLE_PRONOUNS.has(lower)) return { speaker: context.people.resolve(t.start), span: span(at, at) };
  if (UNRESOLVED_PRONOUNS.has(lower)) return { speaker: null, span: null };

  if (isCapitalised(t.text) || TITLES.has(t.text)) {
    let from = at;
    let to = at;
    const joins = (k: number): boolean => tokens[k]?.word === true && (isCapitalised(tokens[k]!.text) || TITLES.has(tokens[k]!.text));
    if (direction === 'backward') {
      while (joins(from - 1) && !isPossessive(tokens[from - 1]!.text)) from--;
    } else {
      while (joins(to + 1) && !isPossessive(tokens[to]!.text)) to++;
    }
    if (direction === 'forward' && (tokens[from]!.text === 'The' || tokens[from]!.text === 'the') && to === from) return null;
    const words = tokens.slice(from, to + 1).map((w) => w.text).join(' ');
    const cleaned = context.people.canonical(words);
    if (!cleaned || TITLES.has(cleaned) || CAPITALISED_STOP_WORDS.has(cleaned) || MONTHS_AND_DAYS.has(cleaned)) return null;
    return { speaker: cleaned, span: span(from, to) };
  }

  // "Bondarev’s statement says"
  const previous = tokens[at - 1];
  if (direction === 'backward' && previous?.word && isPossessive(previous.text) && isCapitalised(previous.text)) {
    return { speaker: context.people.canonical(withoutPossessive(previous.text)), span: span(at - 1, at - 1) };
  }
  // "the former diplomat responded", "The veteran diplomat went on"
  if (direction === 'backward' && PERSON_NOUNS.has(lower)) {
    for (let k = at - 1; k >= Math.max(0, at - 4) && tokens[k]!.word; k--) {
      if (DESCRIPTION_DETERMINERS.has(tokens[k]!.text.toLowerCase())) {
        return { speaker: context.people.resolve(tokens[k]!.start), span: span(k, at) };
      }
    }
  }
  if (direction === 'forward' && DESCRIPTION_DETERMINERS.has(lower)) {
    for (let k = at + 1; k <= at + 4 && tokens[k]?.word; k++) {
      if (PERSON_NOUNS.has(tokens[k]!.text.toLowerCase())) return { speaker: context.people.resolve(t.start), span: span(at, k) };
    }
  }
  return null;
}

/** After the last sentence end in [lower, at), or `lower`. */
function startOfSentence(text: string, lower: number, at: number): number {
  for (let i = at - 1; i >= lower; i--) {
    const c = text[i]!;
    if ((c === '.' || c === '!' || c === '?') && i + 1 < at && /\s/.test(text[i + 1]!) && !isAbbreviation(text, i)) return i + 1;
  }
  return lower;
}

/** Just past the first sentence end in [at, upper), or `upper`. */
function endOfSentence(text: string, at: number, upper: number): number {
  for (let i = at; i < upper; i++) {
    const c = text[i]!;
    if ((c === '.' || c === '!' || c === '?') && (i + 1 >= text.length || /\s/.test(text[i + 1]!)) && !isAbbreviation(text, i)) return i + 1;
  }
  return upper;
}

/** The "." at `i` ends "Mr", "Dr", "U.S" and the like. */
function isAbbreviation(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  let k = i;
  while (k > 0 && /[\p{L}]/u.test(text[k - 1]!)) k--;
  const word = text.slice(k, i);
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word);
}
