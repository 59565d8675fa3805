/**
 * Whether the sentence around a quote says that someone said, wrote, called
 * or thinks something: a speech or opinion verb ("who says it's “…”",
 * "has called the pact “…”", "seen by organizers as a “…”") or a noun that
 * names words ("the term “…”", "the phrase “…”", "his comments that …").
 *
 * A short quote no one is credited with is a partial quote of reported speech
 * when its sentence has such a cue, and a scare quote or a label when it has
 * none ("through this “night vision” I began", "the GOP’s “establishment”
 * candidate"); see classifyQuoteSpan. The quote's own words do not count.
 */
import { PHRASAL_CUES, SPEECH_PARTICIPLES, SPEECH_VERBS } from './attributionWords';

/** Verbs of opinion and naming, and nouns for words said, beyond the speech verbs of attributionWords. */
const OPINION_AND_WORD_CUES = new Set(
  `
  believe believes believed think thinks thought consider considers considered regard regards regarded
  view views viewed seen deem deems deemed dub dubs dubbed label labels labeled labelled brand
  brands branded nickname nicknamed known refer refers referred referring characterize characterizes
  characterized characterise characterises characterised chant chants chanted chanting yelling shouting
  grousing griping grumbling insisting complain accepted feel feels felt talking talked bickering blasted
  slammed criticized criticised opinion opinions
  term terms phrase phrases word words message slogan comment comments remark remarks statement
  statements claim letter email interview speech tweet post call accusation accusations argument
  description promise pledge vow warning
`
    .trim()
    .split(/\s+/),
);

/** Characters either side of the quote looked at, at most (one long sentence). */
const REACH = 300;

export function sentenceHasSpeechCue(text: string, quote: { end: number; open: number; close: number }): boolean {
  const before = text.slice(sentenceStart(text, quote.open), quote.open);
  // “… the days of “moaning.” And only …”: a quote that ends its sentence leaves nothing after it.
  const after = /[.!?]\s*$/.test(text.slice(quote.end - 1, quote.end)) ? '' : text.slice(quote.close, sentenceEnd(text, quote.close));
  const words = `${before} ${after}`.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.some(
    (w, i) => SPEECH_VERBS.has(w) || SPEECH_PARTICIPLES.has(w) || OPINION_AND_WORD_CUES.has(w) || (PHRASAL_CUES.get(w) !== undefined && words[i + 1] === PHRASAL_CUES.get(w)),
  );
}

/** Just after the sentence end or line break before `at` (at most REACH back). */
function sentenceStart(text: string, at: number): number {
  const lower = Math.max(0, at - REACH);
  for (let i = at - 1; i >= lower; i--) {
    const c = text[i]!;
    if (c === '\n') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '') && !/\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|[A-Z])$/.test(text.slice(Math.max(0, i - 4), i))) return i + 1;
  }
  return lower;
}

/** The sentence end or line break after `at` (at most REACH on). */
function sentenceEnd(text: string, at: number): number {
  const upper = Math.min(text.length, at + REACH);
  for (let i = at; i < upper; i++) {
    const c = text[i]!;
    if (c === '\n') return i;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ' ') && !/\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|[A-Z])$/.test(text.slice(Math.max(0, i - 4), i))) return i + 1;
  }
  return upper;
}
