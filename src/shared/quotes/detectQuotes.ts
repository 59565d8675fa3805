/**
 * Finds the direct quotes of an article's canonical text, with who said them.
 *
 * Quotes come from findQuoteSpans (which typography is handled, how stray
 * marks and multi-paragraph quotes are treated), speakers and cues from
 * findAttribution. A quote with no attribution of its own, in this order:
 * 1. takes the one of the quote before it when it carries on from it: in the
 *    same paragraph (`“…,” he said. “…”`), or opening the paragraph right
 *    after it (a quote paragraph following an attributed one);
 * 2. takes the one of the quote right after it in the same paragraph
 *    (`“…” “…,” he said.`);
 * 3. takes the speaker of the last speech verb in the sentences before it in
 *    its paragraph, or in the paragraph before when it opens its own
 *    (`Ryan said on Tuesday that …\n“…”`);
 * 4. is credited by its clause (clauseSpeaker): the name before a colon in a
 *    headline (`Limbaugh: “…”`), or the subject of the sentence it sits in
 *    (`Kasich cautioned “…”`), with a lower confidence.
 * Only outermost quotes are reported.
 */
import { buildPersonIndex, type PersonIndex } from './buildPersonIndex';
import { classifyQuoteSpan, type QuoteUse } from './classifyQuoteSpan';
import { clauseSpeaker, findAttribution, lastAttributionIn, type Attribution, type TextSpan } from './findAttribution';
import { findQuoteSpans, type QuoteSpan } from './findQuoteSpans';
import { SPEECH_PARTICIPLES } from './attributionWords';
import { participleContinuesQuote } from './participleAfterQuote';
import { followsSpeechNoun, possessiveSpeechNoun } from './possessiveSpeechNoun';
import { ofSpeechNoun } from './ofSpeechNoun';
import { attributionAheadInSentence } from './attributionAheadInSentence';
import { inCapitalsRun } from './inCapitalsRun';
import { contrastClauseStart } from './contrastClause';
import { sentenceHasSpeechCue } from './sentenceHasSpeechCue';
import { cueChannel } from './cueChannel';
import { channelPhrase } from './channelPhrase';

export interface DetectedQuote {
  /** Offsets of the quoted words in the canonical text, without the quote marks. */
  start: number;
  end: number;
  exact: string;
  /** Who said it, as fully named as the article allows ("Boris Bondarev"); null when unknown. */
  speaker: string | null;
  /** The attribution words: "said", "told Reuters", "continued in the letter"; null when none. */
  cue: string | null;
  /** Where the speaker is named or referred to ("Mr Bondarev", "he"); may lie in an earlier sentence when inherited. */
  speakerSpan?: TextSpan | null;
  /** Where the cue is. */
  cueSpan?: TextSpan | null;
  /** The channel the attribution names ("Reuters", "email", "the BBC"): the cue's (cueChannel) or a channel phrase's of its sentence (channelPhrase); null when none. */
  channel?: string | null;
  /** Where a channel named outside the cue is ("In a post on X", "reached by phone by the AP", "à l’AFP"); null when none is. */
  channelSpan?: TextSpan | null;
}

/** How the speaker was found, with the named mention a pronoun or description was resolved from. */
export interface QuoteAttributionDetail {
  how: 'attribution' | 'carried' | 'clause' | 'none';
  evidence: TextSpan | null;
  confidence: number;
  /** Speech, or quotation marks around a title, a scare quote or markup (see classifyQuoteSpan). */
  use: QuoteUse;
}

export function detectQuotes(text: string): DetectedQuote[] {
  return detectQuotesWithDetail(text).map(({ quote }) => quote);
}

export interface DetectedQuoteWithDetail {
  quote: DetectedQuote;
  detail: QuoteAttributionDetail;
}

export function detectQuotesWithDetail(text: string): DetectedQuoteWithDetail[] {
  return detectArticleQuotes(text).quotes;
}

/** The quotes of an article with their detail, and the people and organisations it names. */
export function detectArticleQuotes(text: string): { quotes: DetectedQuoteWithDetail[]; people: PersonIndex } {
  const spans = findQuoteSpans(text);
  const people = buildPersonIndex(text, spans);
  if (spans.length === 0) return { quotes: [], people };
  // Each quote's own attribution is read once the quotes before it have their speakers (see noteSpeaker).
  const ownCache: (Attribution | null | undefined)[] = [];
  const own = (i: number): Attribution | null => (ownCache[i] ??= findAttribution(text, spans, i, people));
  const found: (Attribution | null)[] = [];
  const how: QuoteAttributionDetail['how'][] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    let attribution = own(i);
    let kind: QuoteAttributionDetail['how'] = attribution ? 'attribution' : 'none';
    // "She stated, “…,” adding, “…”": the participle goes on with the quote before's speaker.
    const before = i > 0 ? found[i - 1] : null;
    if (attribution && before?.speaker && attribution.cueSpan.end <= span.open && participleContinuesQuote(text, spans[i - 1]!.close, attribution.cue, attribution.cueSpan.start)) {
      attribution = { ...before, cue: attribution.cue, cueSpan: attribution.cueSpan };
      kind = 'carried';
    }
    // "Kasich resisted: “…”", "Pollsters agree - Carl Bialik: “…”": the clause before the colon names the speaker,
    // over a quote before it and over a speech verb further back.
    if (afterColon(text, span.open) && (!attribution || (attribution.cueSpan.end < span.open && !sameSentenceVerbRightBefore(text, attribution, span)))) {
      const byColon = clauseSpeaker(text, 0, span.open, people);
      if (byColon?.speaker) {
        attribution = { ...byColon, cue: '' };
        kind = 'clause';
      }
    }
    // "Trump issued the following statement:" then the quote as a paragraph of its own.
    const colon = attribution ? -1 : colonBeforeParagraph(text, span.open);
    if (colon >= 0 && (i === 0 || spans[i - 1]!.close <= colon)) {
      // Its speech verb ("… and Breitbart News responded:"), else the subject of its sentence.
      const lineStart = text.lastIndexOf('\n', colon) + 1;
      const byVerb = lastAttributionIn(text, lineStart, colon, people);
      const byColon = byVerb ?? clauseSpeaker(text, 0, colon + 1, people);
      if (byColon?.speaker) {
        attribution = byVerb ?? { ...byColon, cue: '' };
        kind = byVerb ? 'carried' : 'clause';
      }
    }
    if (!attribution && i > 0 && carriesOn(text, spans[i - 1]!, span)) {
      attribution = found[i - 1] ?? null;
      if (attribution) kind = 'carried';
      // "Sanders … insisting that “…”. Meanwhile, Clinton endorsed the deal, although she made it clear that she has “…”":
      // a quote inside a later sentence with a subject of its own is that subject's.
      // "Rubio likes “…,” while the former governor loves “…”": a clause of its own with its own subject.
      const clauseStart = attribution ? contrastClauseStart(text, spans[i - 1]!.close, span.open) : -1;
      const byClause = clauseStart >= 0 && midSentence(text, span.open) ? clauseSpeaker(text, clauseStart, span.open, people) : null;
      if (attribution && byClause?.speaker && byClause.speaker !== attribution.speaker && (byClause.evidence || people.entity(byClause.speaker)?.kind === 'person')) {
        attribution = byClause;
        kind = 'clause';
      } else if (attribution && midSentence(text, span.open) && sentenceEndsIn(text, spans[i - 1]!.close, span.open)) {
        const own = clauseSpeaker(text, 0, span.open, people);
        if (own?.speaker && own.speaker !== attribution.speaker && (own.evidence || people.entity(own.speaker)?.kind === 'person')) {
          attribution = own;
          kind = 'clause';
        } else if (shortWords(text, span) && !sentenceHasSpeechCue(text, span)) {
          // "“…,” Petrova said. The “establishment” wing was glad.": a word or two in a later sentence that speaks of
          // no one's words is a scare quote, not hers.
          attribution = null;
          kind = 'none';
        }
      }
    }
    if (!attribution && i + 1 < spans.length && adjacent(text, span, spans[i + 1]!) && own(i + 1)) {
      attribution = own(i + 1);
      kind = 'carried';
    }
    // A headline ("Christie Calls Clinton ‘A Disgrace’", "Limbaugh: ‘…’"): its first person or organisation.
    if (!attribution && isHeadline(text, span)) {
      const lineStart = text.lastIndexOf('\n', span.open - 1) + 1;
      const first = people.firstMentionIn(lineStart, span.open);
      if (first) {
        attribution = { speaker: first.name, speakerSpan: { start: first.start, end: first.end }, evidence: first, cue: '', cueSpan: { start: first.end, end: first.end } };
        kind = 'clause';
      }
    }
    // "her claim that she “…”", "his call for “…”": whose words the noun before the quote names — over a participle
    // after the quote ("his comment that “…”, refusing to acknowledge …").
    // (Also over the speaker carried from a quote before: "…, the admission that he was “…,” and his argument for “…”".)
    // (And over a participle's infinitive after the quote: "his comment that “…,” refusing to admit …".)
    const borrowedAfter = kind === 'attribution' && attribution !== null && attribution.cueSpan.start >= span.close && (SPEECH_PARTICIPLES.has(attribution.cue) || /\bto\s+$/u.test(text.slice(attribution.cueSpan.start - 4, attribution.cueSpan.start)));
    // "Trump defended his remarks calling the regime “strong”": the participle says what the remarks were.
    const nounParticiple = kind === 'attribution' && attribution !== null && attribution.cueSpan.end <= span.open && SPEECH_PARTICIPLES.has(attribution.cue) && followsSpeechNoun(text, attribution.cueSpan.start);
    if (!attribution || kind === 'carried' || borrowedAfter || nounParticiple) {
      const byNoun = possessiveSpeechNoun(text, span.open, people) ?? ofSpeechNoun(text, span.open, people);
      if (byNoun) {
        // "He was challenged over his statement that “…”", "Mr. Trump's temper came under scrutiny: he was challenged over
        // his statement": "his" is the clause's subject when that is a pronoun or a person of the same gender.
        const bySubject = byNoun.evidence ? clauseSpeaker(text, 0, span.open, people) : null;
        const gender = text.slice(byNoun.speakerSpan!.start, byNoun.speakerSpan!.end) === 'her' ? 'f' : 'm';
        // (A possessive opening stands for "his" only with no one else named between: "Cruz's battle with Trump is on
        // again …, and his argument for “…”" is Trump's.)
        const possessiveSubject = bySubject?.speakerSpan != null && /['’]s?$/u.test(text.slice(bySubject.speakerSpan.start, bySubject.speakerSpan.end));
        const passedOver = possessiveSubject && otherNamedBetween(people, bySubject!.speaker!, bySubject!.speakerSpan!.end, byNoun.speakerSpan!.start);
        const sameOne = bySubject?.speaker != null && !passedOver && (bySubject.evidence != null || people.entity(bySubject.speaker)?.gender === gender);
        attribution = sameOne ? bySubject : byNoun;
        kind = 'clause';
      }
    }
    if (!attribution && (afterColon(text, span.open) || midSentence(text, span.open))) {
      attribution = clauseSpeaker(text, 0, span.open, people);
      if (attribution) kind = 'clause';
    }
    if (!attribution) {
      const lower = i > 0 ? spans[i - 1]!.close : 0;
      const from = previousParagraphStart(text, span.open, opensParagraph(text, span.open));
      attribution = lastAttributionIn(text, Math.max(from, lower), span.open, people);
      if (attribution) kind = 'carried';
    }
    if (!attribution) {
      attribution = clauseSpeaker(text, 0, span.open, people);
      if (attribution) kind = 'clause';
      if (attribution) attribution = { ...attribution, cue: '' };
    }
    // "The judge then turned to me. “…”": a quote opening a sentence right after one in its paragraph whose subject
    // is a person acting is that person's — when no quote before it in the paragraph speaks for someone else.
    if (!attribution && (i === 0 || text.lastIndexOf('\n', span.open) >= spans[i - 1]!.close)) {
      const end = sentenceEndBefore(text, span.open);
      const byBeat = end >= 0 ? clauseSpeaker(text, 0, end, people) : null;
      if (byBeat?.speaker && (byBeat.evidence || people.entity(byBeat.speaker)?.kind === 'person')) {
        attribution = { ...byBeat, cue: '' };
        kind = 'clause';
      }
    }
    // "Those who watch “certain shows” and read “certain sites,” he said, …": the verb after the sentence's last quote.
    if (!attribution && i + 1 < spans.length && attributionAheadInSentence(text, span, spans[i + 1]!, own(i + 1))) {
      attribution = own(i + 1);
      kind = 'carried';
    }
    // "HOW CHINA’S DECLINE AFFECTS THE WORLD “…”": a heading in capitals names no one.
    const named = attribution?.evidence ?? attribution?.speakerSpan;
    if (attribution?.speaker && named && inCapitalsRun(text, named.start, named.end)) {
      attribution = { ...attribution, speaker: null, speakerSpan: null };
    }
    found.push(attribution);
    how.push(kind);
    if (attribution?.speaker && kind !== 'clause') {
      const mention = attribution.evidence ?? attribution.speakerSpan;
      if (mention) people.noteSpeaker(attribution.speaker, span.close, mention);
    }
  }
  const quotes = spans.map((span, i) => {
    const attribution = found[i] ?? null;
    const clause = how[i] === 'clause';
    const speakerSpan = attribution?.speakerSpan ?? null;
    const cue = clause ? null : (attribution?.cue ?? null);
    const cueSpan = clause ? null : (attribution?.cueSpan ?? null);
    const channel = attributionChannel(text, cue, cueSpan, speakerSpan);
    return {
      quote: {
        start: span.start,
        end: span.end,
        exact: text.slice(span.start, span.end),
        speaker: attribution?.speaker ?? null,
        cue,
        speakerSpan,
        cueSpan,
        channel: channel.channel,
        channelSpan: channel.span,
      },
      detail: {
        how: how[i]!,
        evidence: attribution?.evidence ? { start: attribution.evidence.start, end: attribution.evidence.end } : speakerSpan,
        confidence: confidenceOf(how[i]!, attribution),
        use: classifyQuoteSpan(text, {
          ...span,
          credited: attribution?.speaker != null,
          cued: how[i] === 'attribution' && Boolean(attribution?.cue),
        }),
      },
    };
  });
  return { quotes, people };
}

/**
 * The channel of an attribution: the one its cue names ("told Reuters"), unless a phrase right after the cue names
 * it more closely ("said in a statement posted on LinkedIn"); else a channel phrase of its sentence ("In a post on X,").
 */
function attributionChannel(text: string, cue: string | null, cueSpan: TextSpan | null, speakerSpan: TextSpan | null): { channel: string | null; span: TextSpan | null } {
  const inCue = cueChannel(cue);
  const phrase = cue && cueSpan ? channelPhrase(text, cueSpan, speakerSpan) : null;
  if (phrase && (!inCue || phrase.span.start <= cueSpan!.end + 1)) return { channel: phrase.channel, span: phrase.span };
  return { channel: inCue, span: null };
}

function confidenceOf(how: QuoteAttributionDetail['how'], attribution: Attribution | null): number {
  if (!attribution?.speaker) return how === 'none' ? 0 : 0.2;
  const resolved = attribution.evidence != null;
  switch (how) {
    case 'attribution':
      return resolved ? 0.75 : 0.9;
    case 'carried':
      return resolved ? 0.6 : 0.7;
    case 'clause':
      return 0.4;
    default:
      return 0;
  }
}

/** Someone other than `name` is named in text[from, to). */
function otherNamedBetween(people: PersonIndex, name: string, from: number, to: number): boolean {
  for (let m = people.firstMentionIn(from, to); m; m = people.firstMentionIn(m.end, to)) if (m.name !== name) return true;
  return false;
}

/** `quote` is in the same paragraph as `previous`, or opens the paragraph right after it. */
function carriesOn(text: string, previous: QuoteSpan, quote: QuoteSpan): boolean {
  const between = text.slice(previous.close, quote.open);
  const lines = between.split('\n');
  if (lines.length === 1) return true;
  return lines.slice(1).every((line) => line.trim() === '');
}

/** Only white space and punctuation between two quotes of one paragraph. */
function adjacent(text: string, quote: QuoteSpan, next: QuoteSpan): boolean {
  const between = text.slice(quote.close, next.open);
  return !between.includes('\n') && /^[\s.,;:—–-]*$/u.test(between);
}

/** The quote sits in a headline: a short line in title case. */
function isHeadline(text: string, span: QuoteSpan): boolean {
  const from = text.lastIndexOf('\n', span.open - 1) + 1;
  let to = text.indexOf('\n', span.close);
  if (to < 0) to = text.length;
  if (to - from > 200) return false;
  // "Lake State University's Dianne Fowler agreed. “…”": a sentence ended before the quote; a headline has none.
  if (/[.!?]\s*$/.test(text.slice(from, span.open))) return false;
  const outside = `${text.slice(from, span.open)} ${text.slice(span.close, to)}`.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return outside.length >= 3 && outside.filter((w) => /^\p{Lu}/u.test(w)).length / outside.length >= 0.7;
}

/** The attribution's verb is the last word before the colon ("Bondarev said: “…”"): it stands. */
function sameSentenceVerbRightBefore(text: string, attribution: Attribution, span: QuoteSpan): boolean {
  const between = text.slice(attribution.cueSpan.end, span.open);
  // ("Pollsters agree - Carl Bialik: “…”": a dash sets off the name that speaks.)
  return /^[\s\p{L}.’'-]{0,40}:\s*$/u.test(between) && !/[.!?]\s/.test(between) && !/\s[-–—]\s/.test(between);
}

/** Words of the quote's own sentence come before it: "Merkel condemned “…”". */
function midSentence(text: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0')) i--;
  return i >= 0 && /[\p{L}\p{N},;]/u.test(text[i]!);
}

/** The quote follows a colon: "Kasich resisted: “…”", "Limbaugh: “…”". */
function afterColon(text: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0')) i--;
  return text[i] === ':';
}

/** The quote opens the paragraph after one that ends with a colon ("Trump issued the following statement:\n\n“…”"): where that colon is. */
function colonBeforeParagraph(text: string, open: number): number {
  let i = open - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0')) i--;
  if (text[i] !== '\n') return -1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ':' ? i : -1;
}

/** The quote opens a sentence right after another of its paragraph ("He turned to me. “…”"): where that one's "." is; else -1. */
function sentenceEndBefore(text: string, open: number): number {
  let i = open - 1;
  if (i < 0 || (text[i] !== ' ' && text[i] !== '\u00a0')) return -1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0')) i--;
  return i > 0 && text[i] === '.' && /\p{Ll}/u.test(text[i - 1]!) ? i : -1;
}

function opensParagraph(text: string, open: number): boolean {
  for (let i = open - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (!/\s/.test(c)) return false;
  }
  return true;
}

/** Start of the paragraph holding `pos`, or of the one before when `previous` is set. */
function previousParagraphStart(text: string, pos: number, previous: boolean): number {
  let at = text.lastIndexOf('\n', pos - 1);
  if (!previous) return at + 1;
  while (at > 0 && text[at - 1] === '\n') at--;
  at = text.lastIndexOf('\n', at - 1);
  return at + 1;
}

/** A sentence ends somewhere in text[from, to): a full stop, "?" or "!" followed by white space. */
function sentenceEndsIn(text: string, from: number, to: number): boolean {
  return /[.!?]["'”’]*\s/.test(text.slice(from, to)) || /^\s+\p{Lu}/u.test(text.slice(from, to)) && /[.!?]$/.test(text.slice(from - 2, from - 1));
}

/** One or two words between the marks. */
function shortWords(text: string, span: QuoteSpan): boolean {
  return text.slice(span.start, span.end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 2;
}
