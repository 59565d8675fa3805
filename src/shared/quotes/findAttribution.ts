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
import { frenchArticleName, withoutFrenchArticle } from './frenchArticleName';
import { SUSPECT_NOUNS, suspectNamed } from './suspectNamed';
import {
  ABBREVIATIONS,
  BETWEEN_SUBJECT_AND_VERB,
  CAPITALISED_STOP_WORDS,
  CHANNEL_DETERMINERS,
  CHANNEL_NOUNS,
  DESCRIPTION_DETERMINERS,
  MONTHS_AND_DAYS,
  ORGANISATION_NOUNS,
  ORGANISATION_PRONOUNS,
  OUTLET_NOUNS,
  PERSON_NOUNS,
  PHRASAL_CUES,
  RESOLVABLE_PRONOUNS,
  ROLE_TITLES,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
  TITLES,
  TOLD_OBJECTS,
  UNRESOLVED_PRONOUNS,
} from './attributionWords';
import type { PersonIndex, ResolvedMention } from './buildPersonIndex';
import { isGermanRole } from './foreignRoleNouns';
import { speakerBeforeTopic } from './headlineTopic';
import { COMPANY_NOUNS, companyNamedAlone } from './companyNamedAlone';
import { quotedAsSayingNameEnd } from './quotedAsSaying';
import { inWordsOfSpeakerAt } from './inWordsOf';
import { transcriptLabelSpeaker } from './transcriptLabel';
import { inciseInQuote } from './inciseInQuote';
import { spokespersonForBodyAt } from './spokespersonFor';
import { passiveAgent } from './passiveAgent';
import { attributionNextParagraph } from './attributionNextParagraph';
import { dashAttributionAt } from './dashAttribution';
import { DOCUMENT_NOUNS, documentIssuedAt, issuerBefore, readsLikeDocument } from './documentSource';
import { reportedClauseStart } from './reportedClause';
import { FOREIGN_ACCORDING, FOREIGN_AUXILIARIES, FOREIGN_PREPOSITIONS, FOREIGN_PRONOUNS, FOREIGN_SPEECH_VERBS, invertedFrenchPronoun, isGermanSo, isInvertedFrenchCue, russianPossessiveAccording } from './foreignSpeechWords';
import { genderOfPronoun, genderOfRoleNoun } from './nameGender';
import { isObjectOfVerb } from './objectOfVerb';
import { ofDescriptionEndingAt } from './ofDescription';
import { PARTY_NOUNS, partyOfWords } from './learnParty';
import { ageOfWord } from './ageDescription';
import { whoAntecedentEnd } from './whoAntecedent';
import { cueIntroducesNext } from './cueIntroducesNext';
import { ordinaryPersonEndingAt, unnamedSourceEndingAt, unnamedSourceStartingAt } from './unnamedSource';
import { isAcronym, isTitle, looksInstitutional, nameEndingAt, nameStartingAt } from './parseNameMention';
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
  /** The named mention a pronoun or description was resolved from; null when the speaker is named in place. */
  evidence?: ResolvedMention | null;
  cueSpan: TextSpan;
}

/** Words after a quote within which "he said" / "said X" must start. */
const AFTER_WORDS = 6;
/** Longest stretch of sentence looked at after a quote. */
const AFTER_CHARS = 250;
/** Longest stretch looked at before a quote. */
const BEFORE_CHARS = 400;
/** The cue at `c` comes after a comma with at most a short subject between: "…, said X" / "…, Sanders said". */
function endsWithCommaClause(tokens: readonly TextToken[], c: number): boolean {
  let words = 0;
  for (let k = c - 1; k >= 0; k--) {
    // (", who says …" after "and X" is X's own clause, not this quote's attribution.)
    // (Nor ", while China called them “…”": a clause opened after the comma has its own subject.)
    if (tokens[k]!.text === ',') return words <= 4 && tokens[k + 1]?.text.toLowerCase() !== 'who' && (k + 1 === c || !CLAUSE_OPENERS.has(tokens[k + 1]?.text.toLowerCase() ?? ''));
    if (tokens[k]!.word) words++;
    if (words > 4) return false;
  }
  return false;
}

/** Words that open a new clause right after a quote: what follows is not its attribution. */
const CLAUSE_OPENERS = new Set(['while', 'and', 'but', 'whereas', 'although', 'though', 'because', 'since', 'if', 'when', 'after', 'before', 'as', 'or', 'so', 'yet', 'that', 'which', 'where', 'for', 'in', 'on', 'to', 'about', 'with', 'from', 'of', 'by', 'than', 'until', 'unless']);

/** A speech verb this close before a quote that ends its sentence takes it before any verb after it. */
const NEAR_BEFORE_WORDS = 6;
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
  // The sentence's subject is read from its real start, over earlier quotes inside it.
  const context: Context = { text, people, sentenceStart: sentenceStartOverQuotes(text, quotes, index, sentenceStart) };

  // 1. "…,” he said" — unless the quote ended its sentence and a new, longer one follows.
  // (A tail that opens with its speech verb or a pronoun and one is an attribution however long: "“…!” said Tom Burke, who …".)
  const firstWords = after.filter((t) => t.word).slice(0, 2);
  const opensWithCue = firstWords.some((t) => SPEECH_VERBS.has(t.text)) && (firstWords[0] !== undefined && (SPEECH_VERBS.has(firstWords[0].text) || RESOLVABLE_PRONOUNS.has(firstWords[0].text.toLowerCase())));
  const shortTail = !endedSentence || opensWithCue || opensWithNamedCue(after) || after.filter((t) => t.word).length <= 8;
  // "“…” while Sen. X suggested …": a new clause, not this quote's attribution.
  const firstAfter = after.find((t) => t.word);
  const newClause = firstAfter !== undefined && CLAUSE_OPENERS.has(firstAfter.text);
  // (", said X" at the end of such a clause still attributes the quote.)
  const afterCues = shortTail ? cuesIn(after).filter((c) => !newClause || endsWithCommaClause(after, c)) : [];
  // 2. "Bondarev said: “…”", nearest to the quote first.
  const beforeCues = cuesIn(before).reverse();
  // A participle after the quote continues the sentence's own verb before it: "X said, “…,” adding that …".
  const early = afterCues.filter((c) => wordsBefore(after, c) < AFTER_WORDS && !(beforeCues.length > 0 && SPEECH_PARTICIPLES.has(after[c]!.text)));
  // 3. "“…”, which he said …"
  const further = afterCues.filter((c) => wordsBefore(after, c) >= AFTER_WORDS);
  // A quote that ended its sentence right after "X said:" belongs to that verb, not to the next sentence's.
  const beforeFirst = endedSentence && beforeCues.length > 0 && wordsBefore(before, before.length) - wordsBefore(before, beforeCues[0]!) <= NEAR_BEFORE_WORDS;
  // 0. "Acknowledging that the mayor “talks too much,” Allen Price did suggest …": the quote sits in the participle
  // phrase that opens the sentence; the subject of the clause after it speaks.
  const opening = openingParticiple(before, after, text.slice(quote.end - 1, quote.close).includes(','), context);
  if (opening) return opening;
  const order = beforeFirst
    ? ([[before, beforeCues], [after, early], [after, further]] as const)
    : ([[after, early], [before, beforeCues], [after, further]] as const);
  // "After Lee said that … “…,” Hale said: “…”": a verb after the quote that introduces the next one with a colon is
  // passed over while the quote has a speech verb of its own before it (and kept only when that one names no one).
  let passedOver: Attribution | null = null;
  for (const [tokens, cues] of order) {
    for (const cue of cues) {
      const found = attribute(tokens, cue, context);
      if (found && tokens === after && beforeCues.length > 0 && passedOver === null && cueIntroducesNext(text, found.cueSpan.end)) {
        passedOver = found;
        continue;
      }
      if (found) return found;
    }
  }
  if (passedOver) return passedOver;
  // "The bill was called “a disgrace” by Sen. Ann Marsh": the agent after "by" (see passiveAgent).
  const passive = passiveAgent(text, quote.open, quote.close);
  if (passive) {
    const tokens = textTokens(text, passive.agent, endOfSentence(text, passive.agent, upper));
    const agent = subjectAt(tokens, 0, context, 'forward');
    if (agent?.speaker && (agent.evidence || people.entity(agent.speaker))) {
      return { speaker: agent.speaker, speakerSpan: agent.span, evidence: agent.evidence ?? null, cue: text.slice(passive.cue.start, passive.cue.end), cueSpan: passive.cue };
    }
  }
  // "“We will win this fight.” — Bernie Sanders": a quote signed with a dash.
  const signed = dashAttributionAt(text, quote.close);
  if (signed >= 0) {
    const tokens = textTokens(text, signed, upper);
    const name = nameStartingAt(tokens, 0);
    const named = name && !name.possessive && !looksInstitutional(name) ? subjectAt(tokens, 0, context, 'forward') : null;
    if (named?.speaker && named.span && (name!.words.length >= 2 || context.people.entity(named.speaker)?.kind === 'person')) {
      return { speaker: named.speaker, speakerSpan: named.span, evidence: named.evidence ?? null, cue: '', cueSpan: { start: named.span.start, end: named.span.start } };
    }
  }
  // “…,”\nsaid Bernie Sanders, …: the next paragraph opens with the attribution (see attributionNextParagraph).
  const below = attributionNextParagraph(text, quote, next);
  if (below) {
    const tokens = textTokens(text, below.start, below.end);
    const inner: Context = { text, people, sentenceStart: below.start };
    if (below.kind === 'name') {
      const at = tokens.findIndex((t) => t.start >= below.nameAt);
      const named = at >= 0 ? subjectAt(tokens, at, inner, 'forward') : null;
      if (named?.speaker && named.span) return { speaker: named.speaker, speakerSpan: named.span, evidence: named.evidence ?? null, cue: '', cueSpan: { start: named.span.end, end: named.span.end } };
    } else {
      for (const cue of cuesIn(tokens)) {
        const found = attribute(tokens, cue, inner);
        if (found?.speaker) return found;
      }
    }
  }
  // «Es un día triste —dijo la alcaldesa—, pero …», « Nous partons, a-t-il lancé. Demain. »: the incise inside.
  const incise = inciseInQuote(text, quote.start, quote.end);
  if (incise) {
    const tokens = textTokens(text, incise.start, incise.end);
    const inner: Context = { text, people, sentenceStart: incise.start };
    for (const cue of cuesIn(tokens)) {
      const found = attribute(tokens, cue, inner);
      if (found) return found;
    }
  }
  return null;
}

/** Words that may stand between the comma closing an opening phrase and the subject ("…,” though, Price did …"). */
const AFTER_OPENING_PHRASE = new Set(['though', 'however', 'too', 'then']);

/**
 * The sentence opens with a speech participle ("Acknowledging that …", "Noting the …", "Calling …") whose phrase
 * holds the quote, and its main clause follows the quote after a comma: that clause's subject (a person the
 * article names, or a resolved "he"/"she"), with the participle as cue. Null otherwise.
 */
function openingParticiple(before: readonly TextToken[], after: readonly TextToken[], commaInside: boolean, context: Context): Attribution | null {
  const first = before[0];
  if (!first?.word || context.text.slice(context.sentenceStart, first.start).trim() !== '' || !isCapitalised(first.text) || !SPEECH_PARTICIPLES.has(first.text.toLowerCase())) return null;
  // The phrase ends right after the quote: “…,” / “…”, and perhaps "though," then the subject.
  let k = 0;
  if (after[k]?.text === ',') k++;
  else if (!commaInside) return null;
  while (after[k]?.word && AFTER_OPENING_PHRASE.has(after[k]!.text)) {
    k++;
    if (after[k]?.text === ',') k++;
  }
  const subject = subjectAt(after, k, context, 'forward');
  if (!subject?.speaker || !subject.span || !(subject.evidence || context.people.entity(subject.speaker)?.kind === 'person')) return null;
  return {
    speaker: subject.speaker,
    speakerSpan: subject.span,
    evidence: subject.evidence ?? null,
    cue: first.text,
    cueSpan: { start: first.start, end: first.end },
  };
}

/** The tail opens with a name and its speech verb: "“…!” Rep. Glenn Thompson, R-Pa., said of …", "“…?” Clinton asks as …". */
function opensWithNamedCue(after: readonly TextToken[]): boolean {
  const first = after.findIndex((t) => t.word);
  if (first < 0 || first > 1) return false;
  const name = nameStartingAt(after, first);
  if (!name || name.possessive) return false;
  let k = name.to + 1;
  // ", R-Pa.," / ", 67," — a short apposition
  if (after[k]?.text === ',') {
    const close = after.findIndex((t, i) => i > k && t.text === ',');
    if (close < 0 || close - k > 8) return false;
    k = close + 1;
  }
  while (after[k]?.word && BETWEEN_SUBJECT_AND_VERB.has(after[k]!.text)) k++;
  return after[k]?.word === true && (SPEECH_VERBS.has(after[k]!.text) || isCueAt(after, k));
}

/** Words that open an adverbial phrase before a sentence's subject ("In a statement, Ryan …"). */
const OPENERS = new Set(['In', 'On', 'At', 'After', 'Before', 'When', 'While', 'During', 'Asked', 'Speaking', 'Earlier', 'Later', 'Still', 'But', 'And', 'Yet', 'So', 'Then', 'Instead', 'Meanwhile', 'Since', 'As', 'Despite', 'Although', 'Though', 'Because', 'If', 'Under', 'Over', 'From', 'With', 'Without', 'For', 'Last', 'This', 'Next', 'Following', 'According', 'Also', 'However', 'Now', 'Today', 'Yesterday', 'Like', 'Unlike', 'Amid', 'Amidst', 'Among', 'Throughout', 'Upon', 'Once', 'Until', 'Within', 'Given', 'Besides']);

/**
 * Who a quote with no speech verb is credited to by its clause: the name
 * right before a colon ("Limbaugh: “…”"), else the subject of the sentence
 * the quote sits in ("Kasich cautioned “…”", "Kasich resisted: “…”"),
 * skipping an opening phrase ("In Iowa, Ryan called it “…”"). Null when the
 * sentence has no person, organisation or resolvable pronoun as subject.
 */
export function clauseSpeaker(text: string, lower: number, pos: number, people: PersonIndex): Attribution | null {
  let from = lower;
  for (let i = pos - 1; i >= lower; i--) {
    if (text.charCodeAt(i) === 10) {
      from = i + 1;
      break;
    }
  }
  const sentenceStart = startOfSentence(text, from, pos);
  const tokens = textTokens(text, sentenceStart, pos);
  const context: Context = { text, people, sentenceStart };
  // Not a sentence adverb or participle read as a name ("Ironically", "Understated"): a wrong name is worse than none.
  // Only a person or organisation the article names as such (or a resolved pronoun): not "Between", "Contrast", "Catholic".
  const credited = (subject: Subject | null): Attribution | null =>
    subject?.speaker && subject.span && (subject.evidence || people.entity(subject.speaker))
      ? { speaker: subject.speaker, speakerSpan: subject.span, evidence: subject.evidence ?? null, cue: '', cueSpan: { start: subject.span.end, end: subject.span.end } }
      : null;
  const last = tokens.length - 1;
  if (last >= 1 && tokens[last]!.text === ':') {
    // "Limbaugh: “…”" — but not the object in "Priebus told Fox News: “…”".
    const name = nameEndingAt(tokens, last - 1);
    const before = name ? tokens[name.from - 1] : undefined;
    const object = before?.word === true && (SPEECH_VERBS.has(before.text) || before.text === 'to' || before.text === 'with');
    // "Trump on Clinton: ‘…’": the one before "on" speaks of the one before the colon.
    const topic = speakerBeforeTopic(tokens, last);
    const subject = object ? null : subjectAt(tokens, topic >= 0 ? topic : last - 1, context, 'backward');
    // Right before the colon a name needs no introduction ("- HuffPollster: “…”").
    const named = credited(subject) ?? (subject?.speaker && subject.span && !/^\p{Lu}\p{Ll}+(?:ly|ed|ing)$/u.test(subject.speaker) ? credited({ ...subject, evidence: { name: subject.speaker, ...subject.span } }) : null);
    if (named) return named;
  }
  // The clause the quote sits in: after the last ";" or "but".
  let clause = 0;
  for (let k = last; k >= 0; k--) {
    const w = tokens[k]!.text;
    if (w === ';' || w === 'but') {
      clause = k + 1;
      break;
    }
  }
  // "The Times reported that the senator considers it “…”": the reported clause's subject, not the outlet.
  const reported = reportedClauseStart(tokens, clause);
  if (reported >= 0) clause = reported;
  const first = subjectStart(tokens, clause);
  if (first < 0) return null;
  let subject = subjectAt(tokens, first, context, 'forward');
  // "That’s why he wanted to “…”": no subject opens the sentence; the nearest "he"/"she" before the quote is its clause's.
  if (subject === null) subject = nearestPronounSubject(tokens, first, context);
  // "Republican presidential nominee Donald Trump issued …": a known person after a few descriptive words.
  // ("Former US secretary of state Madeleine Albright, …": "US" only describes her.)
  const describes = subject === null || (subject.speaker !== null && subject.span !== null && people.entity(subject.speaker)?.kind !== 'person' && /^\s+\p{Ll}/u.test(text.slice(subject.span.end, subject.span.end + 2)));
  for (let k = first + 1; describes && k <= first + 6 && tokens[k]?.word && (!FUNCTION_WORDS.has(tokens[k]!.text) || (tokens[k]!.text === 'of' && PERSON_NOUNS.has(tokens[k - 1]!.text))); k++) {
    if (!isCapitalised(tokens[k]!.text) || CAPITALISED_STOP_WORDS.has(tokens[k]!.text)) continue;
    const found = subjectAt(tokens, k, context, 'forward');
    if (found?.speaker && people.entity(found.speaker)?.kind === 'person') {
      subject = found;
      break;
    }
    if (subject === null) break;
  }
  if (!subject) {
    // "One early supporter, Representative Lee Zeldin, gave …": the person named in apposition to a short description.
    let comma = -1;
    for (let k = first + 1; k <= first + 5 && tokens[k]; k++) {
      if (tokens[k]!.text === ',') {
        comma = k;
        break;
      }
      if (!tokens[k]!.word) break;
    }
    const found = comma > 0 ? subjectAt(tokens, comma + 1, context, 'forward') : null;
    if (found?.speaker && !found.evidence && people.entity(found.speaker)?.kind === 'person') subject = found;
  }
  if (!subject) return null;
  // The subject must be followed by its verb, not be a noun phrase going on ("Trump supporters").
  return credited(subject);
}

/** The last "he"/"she" in tokens[from…], resolved; null when there is none or it names no one. */
function nearestPronounSubject(tokens: readonly TextToken[], from: number, context: Context): Subject | null {
  for (let k = tokens.length - 1; k >= from; k--) {
    const t = tokens[k]!;
    if (t.word && RESOLVABLE_PRONOUNS.has(t.text.toLowerCase())) {
      const found = subjectAt(tokens, k, context, 'forward');
      return found?.speaker ? found : null;
    }
  }
  return null;
}

/** Words no descriptive phrase before a name holds ("They took the stage to Bruce …" is no description). */
const FUNCTION_WORDS = new Set(['to', 'the', 'a', 'an', 'of', 'in', 'at', 'for', 'with', 'and', 'or', 'but', 'on', 'by', 'from', 'as', 'that', 'was', 'is', 'were', 'are', 'has', 'had', 'have']);

/** Quotation marks as tokens. */
const QUOTE_MARK_TOKENS = new Set(['"', '“', '”', '„', '«', '»']);

/** Longest opening phrase skipped before a subject ("After the court failed to reach a decision on the governor's plan, …"). */
const OPENING_PHRASE_TOKENS = 25;

const CONJUNCTIONS = new Set(['But', 'And', 'Yet', 'So', 'Still', 'Then', 'Now', 'Also']);

/** Sentence adverbs that open a sentence when a comma follows them. */
const ADVERB_OPENERS = new Set(['First', 'Second', 'Third', 'Finally', 'Indeed', 'Again', 'Separately', 'Ultimately', 'Previously', 'Recently', 'Initially', 'Similarly', 'Likewise', 'Moreover', 'Furthermore', 'Nonetheless', 'Nevertheless', 'Specifically', 'Notably', 'Afterward', 'Afterwards', 'Ironically', 'Privately', 'Publicly', 'Overall', 'Elsewhere', 'Otherwise']);

/** Words that follow an opening participle or adjective ("Horrified at …", "Frustrated by …", "Speaking to …"). */
const PARTICIPLE_COMPLEMENTS = new Set(['at', 'by', 'with', 'to', 'that', 'about', 'from', 'over', 'for', 'after', 'as', 'into', 'in', 'on', 'of']);

/**
 * "Horrified at the prospect, Ramos believes …": a capitalised participle or -ed adjective followed by a preposition
 * opens a phrase before the subject (a name such as "Manning said" or "Sterling, who …" is followed by no preposition).
 */
function participlePhraseOpens(tokens: readonly TextToken[], at: number): boolean {
  const next = tokens[at + 1];
  return /^\p{Lu}\p{Ll}{3,}(?:ed|ing)$/u.test(tokens[at]!.text) && next?.word === true && PARTICIPLE_COMPLEMENTS.has(next.text);
}

/** Where a clause's subject starts: its first word, or the first after an opening phrase ("In Iowa, Ryan …"); -1 when none. */
function subjectStart(tokens: readonly TextToken[], from: number): number {
  const first = tokens.findIndex((t, k) => k >= from && t.word);
  // ("First, Reyes called …": a sentence adverb set off by its comma; "First Lady Ann Lee" is a title.)
  if (first >= 0 && ADVERB_OPENERS.has(tokens[first]!.text) && tokens[first + 1]?.text === ',') return first + 2;
  if (first < 0 || !(OPENERS.has(tokens[first]!.text) || participlePhraseOpens(tokens, first))) return first;
  // "But Obama, making it clear …, stood": a conjunction opens no phrase.
  if (CONJUNCTIONS.has(tokens[first]!.text) && tokens[first + 1]?.word) return first + 1;
  // (Not a comma inside a quote: the opening phrase ends before any quotation mark.)
  const comma = tokens.findIndex((t, i) => i > first && (t.text === ',' || QUOTE_MARK_TOKENS.has(t.text) || (t.text === "'" && tokens[i + 1]?.text === "'")));
  if (comma < 0 || tokens[comma]!.text !== ',' || comma > first + OPENING_PHRASE_TOKENS) return -1;
  return comma + 1;
}

/** The last attribution made by a speech verb in text[from, to) — a sentence before a quote that names who speaks on. */
export function lastAttributionIn(text: string, from: number, to: number, people: PersonIndex): Attribution | null {
  const tokens = textTokens(text, from, to);
  const context: Context = { text, people, sentenceStart: from };
  const cues = cuesIn(tokens).reverse();
  for (const cue of cues) {
    const found = attribute(tokens, cue, context);
    if (found?.speaker) return found;
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
  if (SPEECH_VERBS.has(t.text) || SPEECH_PARTICIPLES.has(t.text) || FOREIGN_SPEECH_VERBS.has(t.text) || isInvertedFrenchCue(t.text)) return true;
  if (isHeadlineVerb(tokens, i)) return true;
  if (inWordsOfSpeakerAt(tokens, i) >= 0) return true;
  if (russianPossessiveAccording([t.text, tokens[i + 1]?.text ?? '', tokens[i + 2]?.text ?? ''])) return true;
  const foreign = FOREIGN_ACCORDING.get(t.text.toLowerCase());
  if (foreign !== undefined) return foreign === '' || tokens[i + 1]?.text === foreign;
  if (isGermanSo(t.text, tokens[i + 1]?.text, wordsBefore(tokens, i) === 0)) return true;
  const second = PHRASAL_CUES.get(t.text.toLowerCase());
  return second !== undefined && tokens[i + 1]?.text === second;
}

/** A headline's capitalised speech verb right after its quote: "‘We Will Win,’ Says Sanders", "“…” Warns Ryan". */
function isHeadlineVerb(tokens: readonly TextToken[], i: number): boolean {
  const t = tokens[i]!.text;
  return /^\p{Lu}\p{Ll}+s$/u.test(t) && SPEECH_VERBS.has(t.toLowerCase()) && wordsBefore(tokens, i) === 0;
}

function cuesIn(tokens: readonly TextToken[]): number[] {
  const cues: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isCueAt(tokens, i)) cues.push(i);
  return cues;
}

/** Foreign auxiliaries right before the verb at `verb` ("s’est félicité", "a déclaré"). */
function auxiliariesBefore(tokens: readonly TextToken[], verb: number): number {
  let n = 0;
  for (let k = verb - 1; k >= 0 && tokens[k]!.word && FOREIGN_AUXILIARIES.has(tokens[k]!.text.toLowerCase()); k--) n++;
  return n;
}

function wordsBefore(tokens: readonly TextToken[], at: number): number {
  let words = 0;
  for (let i = 0; i < at; i++) if (tokens[i]!.word) words++;
  return words;
}

interface Subject {
  speaker: string | null;
  span: TextSpan | null;
  /** The named mention a pronoun or description was resolved from. */
  evidence?: ResolvedMention | null;
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
  const russian = russianPossessiveAccording([v.text, tokens[verb + 1]?.text ?? '', tokens[verb + 2]?.text ?? '']);
  const foreign = isGermanSo(v.text, tokens[verb + 1]?.text, wordsBefore(tokens, verb) === 0) ? '' : russian ? undefined : FOREIGN_ACCORDING.get(v.text.toLowerCase());
  if (russian) {
    // "По его словам, «…»": his words.
    const pronoun = tokens[verb + 1]!;
    const found = context.people.resolveMention(pronoun.start, { gender: russian });
    subject = { speaker: found?.name ?? null, span: { start: pronoun.start, end: pronoun.end }, evidence: found };
    cueEnd = verb + 2;
  } else if (v.text.toLowerCase() === 'according' || foreign !== undefined) {
    // "according to Reuters", "selon Marie Leclerc", "по словам Петрова"; German "zufolge" follows its name.
    const words = foreign === '' ? 1 : 2;
    cueEnd = verb + words - 1;
    subject = v.text.toLowerCase() === 'zufolge' ? subjectAt(tokens, verb - 1, context, 'backward') : (objectPronoun(tokens, verb + words, context) ?? subjectAt(tokens, verb + words, context, 'forward'));
    // "Selon l’Élysée,", "selon la CGT,": an organisation named with its French article (see frenchArticleName).
    const withArticle = !subject?.speaker && v.text.toLowerCase() === 'selon' ? frenchArticleName(context.text, tokens, verb + words) : null;
    if (withArticle) subject = { speaker: withoutFrenchArticle(context.people.canonical(withArticle.name)), span: withArticle.span };
  } else if (inWordsOfSpeakerAt(tokens, verb) >= 0) {
    // "in the words of Anna Lind", "in Lind’s words", "in her words"
    const at = inWordsOfSpeakerAt(tokens, verb);
    const owner = tokens[at]!;
    if (owner.text === 'his' || owner.text === 'her') {
      const found = context.people.resolveMention(owner.start, { gender: owner.text === 'her' ? 'f' : 'm' });
      subject = { speaker: found?.name ?? null, span: { start: owner.start, end: owner.end }, evidence: found };
    } else if (at < verb) {
      subject = { speaker: context.people.canonical(withoutPossessive(owner.text)), span: { start: owner.start, end: owner.end } };
    } else {
      subject = subjectAt(tokens, at, context, 'forward');
      cueEnd = verb + 1;
    }
  } else if (isInvertedFrenchCue(v.text)) {
    // "dit-il", "déclare-t-elle"
    const found = context.people.resolveMention(v.start, { gender: invertedFrenchPronoun(v.text) });
    subject = { speaker: found?.name ?? null, span: { start: v.start, end: v.end }, evidence: found };
  } else {
    const second = PHRASAL_CUES.get(v.text);
    if (second !== undefined && tokens[verb + 1]?.text === second) cueEnd = verb + 1;
    if (v.text === 'told' || v.text === 'tells' || v.text === 'tell') cueEnd = toldObjectEnd(tokens, cueEnd);
    cueEnd = channelEnd(tokens, cueEnd);
    const quoted = quotedAsSayingNameEnd(tokens, verb);
    if (quoted >= 0) {
      // "TASS quoted Sergei Lavrov as saying": Lavrov speaks, not TASS.
      subject = subjectAt(tokens, quoted, context, 'backward');
    } else if (SPEECH_PARTICIPLES.has(v.text) || coordinated(tokens, verb) || tokens[verb - 1]?.text === 'to') {
      // "…, declaring “…”" / "Rajoy said … and insisted …" / "was prompted to say": the sentence's subject speaks,
      // or the subject of a speech verb earlier in it ("…, Spicer said, adding, “…”").
      subject = earlierSpeaker(tokens, verb, context) ?? clauseSubjectBefore(tokens, verb, context) ?? relativeClausePronoun(v.start, context) ?? sentenceSubject(context);
    } else {
      subject = subjectBefore(tokens, verb, context);
      // "The notice was posted on the door of City Hall. It read: “…”": a document reads, not City Hall.
      if (subject?.speaker && readsLikeDocument(v.text) && /^it$/iu.test(subject.span ? context.text.slice(subject.span.start, subject.span.end) : '')) subject = { speaker: null, span: subject.span };
      // "“…,” said Hillel Neuer": only a verb that opens its stretch of text takes the name after it.
      // (French and Italian put an auxiliary first: "a déclaré X", "s’est félicité X".)
      if (!subject && (wordsBefore(tokens, verb) - auxiliariesBefore(tokens, verb) <= 1 || tokens[verb - 1]?.text === ',')) subject = invertedSubject(tokens, cueEnd + 1, context);
      if (!subject) return null;
    }
  }
  const cueSpan = { start: v.start, end: tokens[cueEnd]!.end };
  // "“…,” he told CNN’s Jake Tapper": a "he" resolved to a person named after the verb in its own clause is the one
  // told, not the one telling.
  if (subject?.evidence && subject.span && subject.span.end <= v.start && subject.evidence.start > v.start && !/[.!?]/u.test(context.text.slice(v.end, subject.evidence.start))) {
    subject = { speaker: null, span: subject.span };
  }
  return {
    speaker: subject?.speaker ?? null,
    speakerSpan: subject?.span ?? null,
    evidence: subject?.evidence ?? null,
    cue: context.text.slice(cueSpan.start, cueSpan.end),
    cueSpan,
  };
}

/** The subject of the nearest finite speech verb before `verb` in the same stretch of text. */
function earlierSpeaker(tokens: readonly TextToken[], verb: number, context: Context): Subject | null {
  for (let k = verb - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.word && SPEECH_VERBS.has(t.text) && !SPEECH_PARTICIPLES.has(t.text) && !coordinated(tokens, k) && tokens[k - 1]?.text !== 'to') {
      // ("“…,” said Mr. Burr, adding that …": the name after a verb that opens its stretch of text.)
      const opens = wordsBefore(tokens, k) === 0 || tokens[k - 1]?.text === ',';
      const found = subjectBefore(tokens, k, context) ?? (opens ? invertedSubject(tokens, k + 1, context) : null);
      if (found?.speaker) return found;
    }
  }
  return null;
}

/**
 * The nearest name or pronoun before `verb` in its clause, over lower-case words only:
 * "Mr. Trump was prompted to say", "Clinton slammed the shift and accused". Not for participles (their
 * subject is the sentence's). Null at punctuation or after CLAUSE_WORDS words.
 */
function clauseSubjectBefore(tokens: readonly TextToken[], verb: number, context: Context): Subject | null {
  if (SPEECH_PARTICIPLES.has(tokens[verb]!.text)) return null;
  let words = 0;
  for (let k = verb - 1; k >= 0 && words <= CLAUSE_WORDS; k--) {
    const t = tokens[k]!;
    if (!t.word) return null;
    words++;
    if (/^\p{Ll}/u.test(t.text) && !RESOLVABLE_PRONOUNS.has(t.text)) continue;
    const found = subjectAt(tokens, k, context, 'backward');
    // "Cruz knocked Rubio on trade and called": a name right after its verb is that verb's object; look on for the subject.
    const from = found?.span ? tokens.findIndex((x) => x.start === found.span!.start) : -1;
    if (found?.speaker && !found.evidence && from > 0 && isObjectOfVerb(tokens, from)) {
      k = from;
      continue;
    }
    // Only a person or a resolved pronoun: "the Oklahoma City bombing and later said" is no subject.
    return found?.speaker && (found.evidence || context.people.entity(found.speaker)?.kind === 'person') ? found : null;
  }
  return null;
}

/** Most words looked back over by clauseSubjectBefore. */
const CLAUSE_WORDS = 10;

/** The verb follows "and"/"but": it shares the subject of the verb before it. */
function coordinated(tokens: readonly TextToken[], verb: number): boolean {
  let j = verb - 1;
  while (j >= 0 && tokens[j]!.word && BETWEEN_SUBJECT_AND_VERB.has(tokens[j]!.text)) j--;
  const t = tokens[j];
  return t !== undefined && t.word && (t.text === 'and' || t.text === 'but');
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
  if (a?.text === 'in' && b && CHANNEL_DETERMINERS.has(b.text) && c && CHANNEL_NOUNS.has(c.text.toLowerCase())) {
    // "in an interview with CNN", "in an email to The Washington Post"
    const d = tokens[at + 4];
    const e = tokens[at + 5]?.text === 'the' || tokens[at + 5]?.text === 'The' ? at + 6 : at + 5;
    if (d?.word && (d.text === 'with' || d.text === 'to') && tokens[e]?.word && /^\p{Lu}/u.test(tokens[e]!.text)) return capitalisedRunEnd(tokens, e);
    return at + 3;
  }
  // "on LinkedIn", "on Fox News Sunday" (not "on Tuesday …": a day is one word)
  if (a?.text === 'on' && b?.word && /^\p{Lu}/u.test(b.text)) return MONTHS_AND_DAYS.has(b.text) ? at + 2 : capitalisedRunEnd(tokens, at + 2);
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
  // "Priebus later Thursday told", "Bondarev also said"
  while (j >= 0 && tokens[j]!.word && (BETWEEN_SUBJECT_AND_VERB.has(tokens[j]!.text) || MONTHS_AND_DAYS.has(tokens[j]!.text))) j--;
  if (j >= 0 && tokens[j]!.text === ',') {
    // Skip an apposition back to the comma that opened it, and further back over a chain of them
    // ("Cecelia Purner, 67, a retired teacher in Allentown, Pa., said") to the first that ends in a subject.
    // A chunk that is only a name is the subject itself ("Rep. Hunter’s chief of staff, Joe Kasper, told").
    let words = 0;
    let k = j - 1;
    let chunkEnd = j - 1;
    let found: Subject | null = null;
    for (let chunks = 0; chunks < 4; chunks++) {
      while (k >= 0 && tokens[k]!.text !== ',' && words <= APPOSITION_WORDS) {
        if (tokens[k]!.word) words++;
        k--;
      }
      if (k < 0 || tokens[k]!.text !== ',') break;
      const own = nameStartingAt(tokens, k + 1);
      if (own && own.to === chunkEnd && !own.possessive && !looksInstitutional(own) && context.people.entity(own.words.join(' '))?.kind === 'person') {
        return subjectAt(tokens, k + 1, context, 'forward');
      }
      const candidate = subjectAt(tokens, k - 1, context, 'backward');
      if (candidate && (candidate.evidence !== undefined || context.people.entity(candidate.speaker ?? '') !== undefined || candidate.speaker === null)) return candidate;
      found ??= candidate;
      chunkEnd = k - 1;
      k--;
    }
    return found;
  }
  if (j >= 0 && isDash(tokens[j]!)) {
    const dashed = dashedAppositionSubject(tokens, j, context);
    if (dashed) return dashed;
  }
  if (j < 0) return null;
  // "…, and Sanders, who says it is “…”": the name before ", who".
  const antecedent = whoAntecedentEnd(tokens, j);
  if (antecedent >= 0) {
    const named = subjectAt(tokens, antecedent, context, 'backward');
    return named?.speaker && context.people.entity(named.speaker) ? named : null;
  }
  const found = subjectAt(tokens, j, context, 'backward');
  // "James Pethokoukis of the American Enterprise Institute wrote": the person before "of the …".
  if (found?.span && found.speaker && context.people.entity(found.speaker)?.kind !== 'person') {
    let k = tokens.findIndex((t) => t.start === found.span!.start) - 1;
    if (tokens[k]?.text === 'the' || tokens[k]?.text === 'The') k--;
    if (tokens[k]?.word && (tokens[k]!.text === 'of' || tokens[k]!.text === 'at' || tokens[k]!.text === 'for' || tokens[k]!.text === 'from')) {
      const person = subjectAt(tokens, k - 1, context, 'backward');
      if (person?.speaker && context.people.entity(person.speaker)?.kind === 'person') return person;
    }
  }
  return found;
}

function isDash(t: TextToken): boolean {
  return !t.word && (t.text === '-' || t.text === '—' || t.text === '–');
}

/**
 * "A former candidate -- John Hale, who lost in 2008 -- said": the dash at `close` ends an apposition; the name
 * that opens it speaks, else the subject before the opening dash ("The senator — a Navy veteran — said").
 */
function dashedAppositionSubject(tokens: readonly TextToken[], close: number, context: Context): Subject | null {
  let k = close;
  while (k >= 0 && isDash(tokens[k]!)) k--;
  let open = -1;
  for (let m = k, words = 0; m >= 0 && words <= APPOSITION_WORDS; m--) {
    if (isDash(tokens[m]!)) {
      open = m;
      break;
    }
    if (tokens[m]!.word) words++;
  }
  if (open < 0) return null;
  const name = nameStartingAt(tokens, open + 1);
  if (name && !name.possessive && !looksInstitutional(name)) return subjectAt(tokens, open + 1, context, 'forward');
  let before = open;
  while (before > 0 && isDash(tokens[before - 1]!)) before--;
  return before > 0 ? subjectAt(tokens, before - 1, context, 'backward') : null;
}

/** "according to her", "according to him": the person the pronoun refers to. */
function objectPronoun(tokens: readonly TextToken[], at: number, context: Context): Subject | null {
  const t = tokens[at];
  const gender = t?.word ? OBJECT_PRONOUNS.get(t.text) : undefined;
  // ("according to her spokesman": "her" is a possessive; the spokesman speaks.)
  // ('according to her “clawback” plan': so is one before a quoted word.)
  if (!t || !gender) return null;
  const next = /\S/u.exec(context.text.slice(t.end, t.end + 20))?.[0];
  if (next !== undefined && !CLAUSE_PUNCTUATION.has(next)) return null;
  const found = context.people.resolveMention(t.start, { gender });
  return { speaker: found?.name ?? null, span: { start: t.start, end: t.end }, evidence: found };
}

/** Punctuation that ends the phrase "according to her". */
const CLAUSE_PUNCTUATION = new Set([',', '.', ';', ':', '!', '?', '—', '–', ')']);

const OBJECT_PRONOUNS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['him', 'm'],
  ['her', 'f'],
]);

/** "said Hillel Neuer", "said he", "said spokesman John Kirby", "said the New York businessman". */
function invertedSubject(tokens: readonly TextToken[], at: number, context: Context): Subject | null {
  const t = tokens[at];
  if (!t?.word) return null;
  const lower = t.text.toLowerCase();
  if (RESOLVABLE_PRONOUNS.has(lower) || FOREIGN_PRONOUNS.has(lower)) return subjectAt(tokens, at, context, 'forward');
  // "said a spokeswoman for the ministry": the ministry (see spokespersonFor).
  const body = spokespersonForBodyAt(tokens, at);
  const forBody = body >= 0 ? subjectAt(tokens, body, context, 'forward') : null;
  if (forBody?.speaker && (forBody.evidence || context.people.entity(forBody.speaker))) return forBody;
  // "said one former executive who …": no one the article names.
  if (unnamedSourceStartingAt(tokens, at)) return { speaker: null, span: null };
  if (DESCRIPTION_DETERMINERS.has(lower) || lower === 'a' || lower === 'an') {
    const description = subjectAt(tokens, at, context, 'forward');
    // "dijo la alcaldesa Ada Colau", "said the mayor, Ada Colau": the name given with the role, when the role alone
    // names no one the article has named.
    const named = description && !description.speaker ? nameAfterRole(tokens, at) : -1;
    if (named >= 0) return subjectAt(tokens, named, context, 'forward');
    if (description) return description;
  }
  // Lower-case role words before the name: "said spokesman John Kirby", "said Clinton’s top aide Jake Sullivan".
  // A name followed by more words may be a modifier ("Montclair State University political scientist X");
  // it is the subject only when no other name follows.
  let first: number | null = null;
  for (let k = at; k < Math.min(tokens.length, at + 8); k++) {
    const w = tokens[k]!;
    if (!w.word || isInvertedStop(w.text)) break;
    if (isCapitalised(w.text) || isTitle(w.text)) {
      const name = nameStartingAt(tokens, k);
      if (!name) {
        if (CAPITALISED_STOP_WORDS.has(w.text)) continue; // "said Republican strategist Ryan Williams"
        break;
      }
      const after = tokens[name.to + 1];
      // "sagte Hans Weber der Polizei": the article of the one told ends the name, as a preposition does.
      if (after?.word && GERMAN_OBJECT_ARTICLES.has(after.text) && !name.possessive) return subjectAt(tokens, k, context, 'forward');
      if (name.possessive || (after?.word && !isInvertedStop(after.text) && !isCapitalised(after.text))) {
        if (!name.possessive && !looksInstitutional(name)) first ??= k;
        k = name.to;
        continue;
      }
      if (looksInstitutional(name) && after?.word && !isInvertedStop(after.text)) {
        k = name.to;
        continue;
      }
      return subjectAt(tokens, k, context, 'forward');
    }
  }
  return first === null ? null : subjectAt(tokens, first, context, 'forward');
}

/** After a determiner at `at`: a role noun within a few words, perhaps a comma, then a person's name of two words or more — where that name starts; else -1. */
function nameAfterRole(tokens: readonly TextToken[], at: number): number {
  for (let k = at + 1; k <= at + DESCRIPTION_WORDS + 1 && tokens[k]?.word; k++) {
    if (!PERSON_NOUNS.has(tokens[k]!.text.toLowerCase())) continue;
    const from = tokens[k + 1]?.text === ',' ? k + 2 : k + 1;
    const next = tokens[from];
    if (!next?.word || !isCapitalised(next.text)) return -1;
    const name = nameStartingAt(tokens, from);
    return name && name.words.length >= 2 && !name.possessive && !looksInstitutional(name) ? from : -1;
  }
  return -1;
}

/** German articles of a dative or genitive object ("sagte X der Zeitung / dem Sender / den Reportern"). */
const GERMAN_OBJECT_ARTICLES = new Set(['der', 'dem', 'den']);

/** Words that end the search for a name after an inverted verb. */
const INVERTED_STOPS = new Set(['of', 'in', 'at', 'who', 'which', 'from', 'on', 'and', 'to', 'during', 'after', 'while', 'when', 'for', 'with', 'that', 'as', 'but', 'about', 'before', 'by']);

function isInvertedStop(word: string): boolean {
  return INVERTED_STOPS.has(word) || FOREIGN_PREPOSITIONS.has(word);
}

/** Words that open a clause whose own subject follows ("a news conference in which he …"). */
const RELATIVE_WORDS = new Set(['which', 'where', 'when', 'whom', 'whereby']);

/**
 * "…, held a news conference in which he continued his assault on Mr. Hall, mocking …": a participle after a
 * clause opened by "in which he" / "where she" goes with that pronoun, not with the sentence's first subject.
 */
function relativeClausePronoun(verbStart: number, context: Context): Subject | null {
  const tokens = textTokens(context.text, context.sentenceStart, verbStart);
  for (let k = tokens.length - 1; k >= 1; k--) {
    const t = tokens[k]!;
    if (t.word && (t.text === 'he' || t.text === 'she') && tokens[k - 1]!.word && RELATIVE_WORDS.has(tokens[k - 1]!.text)) {
      const found = subjectAt(tokens, k, context, 'forward');
      return found?.speaker ? found : null;
    }
  }
  return null;
}

/** Tokens from `at` are "a"/"an" and a noun phrase with no person noun in its first words ("a paper from …", "a new study"). */
function indefiniteNonPerson(tokens: readonly TextToken[], at: number): boolean {
  const t = tokens[at]!;
  if (!t.word || !/^an?$/iu.test(t.text)) return false;
  for (let k = at + 1; k <= at + DESCRIPTION_WORDS + 1 && tokens[k]?.word; k++) {
    const w = tokens[k]!.text.toLowerCase();
    // ("A month later, he …", "A day after the vote, she …": a time phrase, not the subject.)
    if (PERSON_NOUNS.has(w) || TIME_NOUNS.has(w)) return false;
  }
  return true;
}

const TIME_NOUNS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'hour', 'hours', 'minute', 'minutes', 'moment', 'while', 'few', 'night', 'morning', 'evening', 'time', 'later', 'earlier', 'ago']);

/** The participle's subject is whoever the sentence is about: its first words. */
function sentenceSubject(context: Context): Subject | null {
  const tokens = textTokens(context.text, context.sentenceStart, Math.min(context.text.length, context.sentenceStart + 200));
  const first = subjectStart(tokens, 0);
  // "Likewise, a paper from the institute had this to say": an indefinite subject that is no person names no one.
  if (first >= 0 && indefiniteNonPerson(tokens, first)) return null;
  const found = first < 0 ? null : subjectAt(tokens, first, context, 'forward');
  if (found && (found.speaker === null || context.people.entity(found.speaker) || actsAsSubject(tokens, found))) return found;
  // "At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders endorsed …": the subject after the opening phrase.
  if (first >= 0) {
    for (let k = first, commas = 0; k < tokens.length && commas < 4; k++) {
      if (tokens[k]!.text !== ',') continue;
      commas++;
      const later = subjectAt(tokens, k + 1, context, 'forward');
      if (later?.speaker && context.people.entity(later.speaker)) return later;
    }
  }
  // "One of Putin’s key allies …, declaring": a description; resolve it.
  const found2 = context.people.resolveMention(context.sentenceStart);
  return found2 ? { speaker: found2.name, span: null, evidence: found2 } : null;
}

/**
 * A name the article gives no more of, followed by a past-tense or speech verb: "At the debate, Sanders compared
 * himself to …, saying" — the subject, though the person index knows no full name for it.
 */
function actsAsSubject(tokens: readonly TextToken[], found: Subject): boolean {
  if (!found.speaker || !found.span || found.evidence) return false;
  const after = tokens.find((t) => t.start >= found.span!.end);
  if (!after?.word) return false;
  if (CAPITALISED_STOP_WORDS.has(found.speaker) || !isCapitalised(found.speaker.split(' ')[0]!)) return false;
  return /^\p{Ll}{3,}ed$/u.test(after.text) || SPEECH_VERBS.has(after.text);
}

/** The role titles a description's head noun stands for ("senator" → Sen, Senator). */
function roleTitles(noun: string): readonly string[] | undefined {
  return ROLE_TITLES.get(noun);
}

/** "the former diplomat", "the Vermont senator", "the newspaper", "the ministry" from `from` to the head noun at `head`. */
function describedSubject(tokens: readonly TextToken[], from: number, head: number, context: Context): Subject | null {
  const noun = tokens[head]!.text.toLowerCase();
  const span = { start: tokens[from]!.start, end: tokens[head]!.end };
  if (PERSON_NOUNS.has(noun)) {
    const vice = head > from && tokens[head - 1]!.text.toLowerCase() === 'vice';
    const qualifiers = tokens.slice(from + 1, head).filter((w) => w.word && /^\p{Lu}/u.test(w.text)).map((w) => withoutPossessive(w.text));
    const role = { noun, qualifiers };
    const party = partyOfWords([...qualifiers, tokens[head]!.text]);
    const found = context.people.resolveMention(span.start, { titles: vice ? ['Vice President'] : roleTitles(noun), role, gender: genderOfRoleNoun(noun), party });
    return { speaker: found?.name ?? null, span, evidence: found };
  }
  if (OUTLET_NOUNS.has(noun)) {
    const found = context.people.resolveMention(span.start, { kind: 'outlet', nameWord: noun });
    return { speaker: found?.name ?? null, span, evidence: found };
  }
  if (ORGANISATION_NOUNS.has(noun)) {
    // "the paper's editorial board": the body of the outlet named before.
    for (let k = from + 1; k < head; k++) {
      const w = tokens[k]!;
      if (w.word && isPossessive(w.text) && OUTLET_NOUNS.has(withoutPossessive(w.text).toLowerCase())) {
        const found = context.people.resolveMention(span.start, { kind: 'outlet', nameWord: withoutPossessive(w.text).toLowerCase() });
        return { speaker: found?.name ?? null, span, evidence: found };
      }
    }
    // "the Sanders campaign": the person it speaks for.
    for (let k = from + 1; k < head; k++) {
      const w = tokens[k]!;
      if (w.word && isCapitalised(w.text) && context.people.entity(withoutPossessive(w.text))?.kind === 'person') {
        return { speaker: context.people.canonical(withoutPossessive(w.text)), span };
      }
    }
    // "the department" → the nearest "… Department" first.
    const found = context.people.resolveMention(span.start, { kind: 'organisation', nameWord: noun, nameWordOnly: true });
    if (found) return { speaker: found.name, span, evidence: found };
    // "the group", "the company": any organisation named near before (not a newspaper).
    const any = GENERIC_ORGANISATION_NOUNS.has(noun) ? context.people.resolveMention(span.start, { kind: 'organisation', noOutlet: true, nearOnly: true, subjectOnly: true }) : null;
    // "Microsoft defended the deal. … the company said": a company named by one word (see companyNamedAlone).
    const alone = !any && COMPANY_NOUNS.has(noun) ? companyNamedAlone(context.people, span.start) : null;
    const org = any ?? alone;
    // (Else "the company said" still attributes the quote, to no one: not to a person named before it.)
    return org ? { speaker: org.name, span, evidence: org } : COMPANY_NOUNS.has(noun) ? { speaker: null, span } : null;
  }
  return null;
}

/** People who put the questions in a story, never its subject ("“Will you run?” a reporter asked."). */
const ASKER_NOUNS = new Set(['reporter', 'journalist', 'interviewer', 'host', 'anchor', 'moderator', 'questioner', 'columnist', 'commentator']);

/** Roles written as acronyms ("the PM", "the CEO"). */
const ROLE_ACRONYMS = new Set(['PM', 'MP', 'MEP', 'CEO']);

/** People who speak for the one named before them ("Trump’s spokesman", "the ministry’s spokeswoman"). */
const SPOKES_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen']);

/** Organisation nouns that can stand for any organisation, whatever its name ("the group" for the Sierra Club). */
const GENERIC_ORGANISATION_NOUNS = new Set(['group', 'organization', 'organisation', 'association', 'coalition', 'company', 'firm']);

/** Words a description may hold between its determiner and head noun. */
const DESCRIPTION_WORDS = 4;

/**
 * The subject whose last word (backward) or first word (forward) is token `at`:
 * a pronoun, a name, a possessive name before a noun or a description.
 */
function subjectAt(tokens: readonly TextToken[], at: number, context: Context, direction: 'backward' | 'forward'): Subject | null {
  const t = tokens[at];
  if (!t) return null;
  const lower = t.text.toLowerCase();
  const span = (from: number, to: number): TextSpan => ({ start: tokens[from]!.start, end: tokens[to]!.end });
  const foreignGender = t.word ? (FOREIGN_PRONOUNS.get(lower) ?? invertedFrenchPronoun(lower)) : null;
  if (t.word && (RESOLVABLE_PRONOUNS.has(lower) || foreignGender)) {
    const found = context.people.resolveMention(t.start, { gender: foreignGender ?? genderOfPronoun(lower) });
    return { speaker: found?.name ?? null, span: span(at, at), evidence: found };
  }
  if (t.word && ORGANISATION_PRONOUNS.has(lower)) {
    const found = context.people.resolveMention(t.start, { kind: 'organisation' });
    return { speaker: found?.name ?? null, span: span(at, at), evidence: found };
  }
  // "They" after a sentence about an organisation ("the MoD suggested … They tweeted"); other "they" name nobody.
  if (t.word && lower === 'they') {
    const found = context.people.resolveMention(t.start, { kind: 'organisation', previousSubjectOnly: true });
    return found ? { speaker: found.name, span: span(at, at), evidence: found } : { speaker: null, span: null };
  }
  // "SEN. BOB KERRY: Well, I told the president, “…”": in a transcript "I" is the labelled speaker.
  const labelled = t.word && t.text === 'I' ? transcriptLabelSpeaker(context.text, t.start) : null;
  if (labelled) return { speaker: context.people.canonical(labelled), span: span(at, at) };
  if (t.word && UNRESOLVED_PRONOUNS.has(lower)) return { speaker: null, span: null };
  // "a New Hampshire Republican said", "the two lawmakers argue": no one the article names.
  if (direction === 'backward' && unnamedSourceEndingAt(tokens, at)) {
    // A lede's "“…,” a Russian diplomat wrote. Boris Bondarev, 41, …": the person named just after, when no one was before.
    // (Not "a reporter asked": the one who asks is not the person the story is about.)
    const lede = t.text === lower && PERSON_NOUNS.has(lower) && !ASKER_NOUNS.has(lower) ? context.people.resolveMention(t.start) : null;
    if (lede && lede.start > t.start) return { speaker: lede.name, span: span(at, at), evidence: lede };
    return { speaker: null, span: null };
  }

  // "the Daily News focuses on", "The Washington Post reported"
  if (direction === 'forward' && t.word && (t.text === 'the' || t.text === 'The')) {
    const next = tokens[at + 1];
    if (next?.word && (isCapitalised(next.text) || isAcronym(next.text)) && !isTitle(next.text)) {
      const name = nameStartingAt(tokens, at + 1);
      const after = tokens[(name?.to ?? at) + 1];
      const headNoun = after?.word === true && (PERSON_NOUNS.has(after.text) || ORGANISATION_NOUNS.has(after.text) || OUTLET_NOUNS.has(after.text));
      const partyMember = name !== null && PARTY_NOUNS.has(name.words[name.words.length - 1]!);
      if (name && !name.possessive && !headNoun && !partyMember && looksInstitutional(name)) return { speaker: context.people.canonical(name.words.join(' ')), span: span(at, name.to) };
      // "The Blaze's Matt Walsh": the person after the outlet's possessive.
      const named = name?.possessive ? roleHolderAfterPossessive(tokens, name.to + 1, context) : -1;
      if (named >= 0) return subjectAt(tokens, named, context, 'forward');
    }
  }
  // "the 54-year-old said"
  if (t.word && ageOfWord(t.text) !== null && direction === 'backward' && tokens[at - 1]?.word && DESCRIPTION_DETERMINERS.has(tokens[at - 1]!.text.toLowerCase())) {
    const found = context.people.resolveMention(tokens[at - 1]!.start, { age: ageOfWord(t.text)! });
    return { speaker: found?.name ?? null, span: span(at - 1, at), evidence: found };
  }
  // "the Vermont Democrat said": a party member described, not a name.
  if (direction === 'backward' && t.word && PARTY_NOUNS.has(t.text)) {
    for (let k = at - 1; k >= Math.max(0, at - DESCRIPTION_WORDS - 1) && tokens[k]!.word; k--) {
      if (DESCRIPTION_DETERMINERS.has(tokens[k]!.text.toLowerCase())) return describedSubject(tokens, k, at, context);
    }
  }
  // "the former secretary of state said", "the speaker of the House said": the person noun before "of".
  if (direction === 'backward') {
    const described = ofDescriptionEndingAt(tokens, at);
    if (described) return describedSubject(tokens, described.from, described.head, context);
  }
  // "the PM said", "the CEO added": a role written as an acronym is a description, not an organisation's name.
  if (direction === 'backward' && t.word && ROLE_ACRONYMS.has(t.text) && tokens[at - 1]?.word && DESCRIPTION_DETERMINERS.has(tokens[at - 1]!.text.toLowerCase())) {
    return describedSubject(tokens, at - 1, at, context);
  }
  // "die Ministerin erklärte", "sagte der Kanzler": a German role noun after its article is a description, not a name.
  if (direction === 'backward' && t.word && isGermanRole(t.text)) {
    for (let k = at - 1; k >= Math.max(0, at - DESCRIPTION_WORDS - 1) && tokens[k]!.word; k--) {
      if (DESCRIPTION_DETERMINERS.has(tokens[k]!.text.toLowerCase())) return describedSubject(tokens, k, at, context);
    }
    return null;
  }
  const nameLike = t.text === ')' || t.text === '.' || (t.word && (isCapitalised(t.text) || isAcronym(t.text) || isTitle(t.text)));
  if (nameLike && !(t.word && (t.text === 'The' || t.text === 'A' || t.text === 'An'))) {
    const name = direction === 'backward' ? nameEndingAt(tokens, at) : nameStartingAt(tokens, at);
    if (name && !(direction === 'backward' && name.possessive)) {
      // "Lincoln's former treasury secretary Samuel P. Chase": the person named after the possessor's role noun.
      const named = direction === 'forward' && name.possessive ? roleHolderAfterPossessive(tokens, name.to + 1, context) : -1;
      if (named >= 0) return subjectAt(tokens, named, context, 'forward');
      const words = name.words.join(' ');
      if (TITLES.has(words) || CAPITALISED_STOP_WORDS.has(words) || MONTHS_AND_DAYS.has(words)) return null;
      // "The Sanders campaign said": the person the campaign speaks for.
      const after = tokens[name.to + 1];
      if (direction === 'forward' && after?.word && ORGANISATION_NOUNS.has(after.text) && !looksInstitutional(name)) {
        return { speaker: context.people.canonical(name.surname), span: span(name.from, name.to + 1) };
      }
      const speaker = context.people.canonical(looksInstitutional(name) ? words : [...name.titles, ...name.words].join(' '));
      return { speaker, span: span(name.from, name.to) };
    }
  }

  // "Bondarev’s statement says"
  const previous = tokens[at - 1];
  if (direction === 'backward' && previous?.word && isPossessive(previous.text) && (isCapitalised(previous.text) || isAcronym(withoutPossessive(previous.text)))) {
    // "Germany’s chancellor said", "Ukraine’s foreign minister said": a person of a country or body the article does
    // not take for a person speaks — the one the role describes, not the country ("Trump’s spokesman" stays Trump's).
    const owner = context.people.canonical(withoutPossessive(previous.text));
    if (t.word && PERSON_NOUNS.has(lower) && !SPOKES_NOUNS.has(lower) && context.people.entity(owner)?.kind !== 'person') {
      const described = describedSubject(tokens, at - 1, at, context);
      return described?.speaker === owner ? { speaker: null, span: span(at - 1, at) } : described;
    }
    return { speaker: owner, span: span(at - 1, at - 1) };
  }
  // "the suspect had shouted", "the driver told police": a person described, named by no one (see unnamedSource).
  if (direction === 'backward' && ordinaryPersonEndingAt(tokens, at)) {
    // "Police arrested John Smith. The suspect told officers …" (see suspectNamed).
    const arrested = SUSPECT_NOUNS.has(lower) ? suspectNamed(context.text, t.start, context.people) : null;
    return arrested ? { speaker: arrested.name, span: span(at, at), evidence: arrested } : { speaker: null, span: span(at, at) };
  }
  // "a Homeland Security memo put it", "the statement said" (see documentSource)
  if (direction === 'backward' && t.word && DOCUMENT_NOUNS.has(lower)) {
    const found = documentSubject(tokens, at, context);
    if (found) return found;
  }
  // "the former diplomat responded", "The veteran diplomat went on", "the ministry said"
  if (direction === 'backward' && t.word && (PERSON_NOUNS.has(lower) || OUTLET_NOUNS.has(lower) || ORGANISATION_NOUNS.has(lower))) {
    for (let k = at - 1; k >= Math.max(0, at - DESCRIPTION_WORDS - 1) && tokens[k]!.word; k--) {
      if (DESCRIPTION_DETERMINERS.has(tokens[k]!.text.toLowerCase())) return describedSubject(tokens, k, at, context);
    }
  }
  if (direction === 'forward' && t.word && DESCRIPTION_DETERMINERS.has(lower)) {
    for (let k = at + 1; k <= at + DESCRIPTION_WORDS + 1 && tokens[k]?.word; k++) {
      const w = tokens[k]!.text.toLowerCase();
      // "according to the statement", "according to a Pentagon report"
      if (DOCUMENT_NOUNS.has(w) && k <= at + 4) return documentSubject(tokens, k, context);
      if (PERSON_NOUNS.has(w) || OUTLET_NOUNS.has(w) || ORGANISATION_NOUNS.has(w)) {
        // "the Democrat convention committee": a party word before a noun only qualifies it.
        if (PARTY_NOUNS.has(tokens[k]!.text) && tokens[k + 1]?.word && /^\p{Ll}/u.test(tokens[k + 1]!.text) && !SPEECH_VERBS.has(tokens[k + 1]!.text)) continue;
        const next = tokens[k + 1]?.text.toLowerCase() ?? '';
        if (next && (PERSON_NOUNS.has(next) || ORGANISATION_NOUNS.has(next))) continue;
        return describedSubject(tokens, at, k, context);
      }
    }
  }
  // A lede's "A top Russian diplomat has quit …": the person the article names just after.
  if (direction === 'forward' && t.word && (lower === 'a' || lower === 'an')) {
    for (let k = at + 1; k <= at + DESCRIPTION_WORDS + 1 && tokens[k]?.word; k++) {
      if (!PERSON_NOUNS.has(tokens[k]!.text.toLowerCase())) continue;
      const found = context.people.resolveMention(t.start);
      if (found && found.start > t.start) return { speaker: found.name, span: span(at, k), evidence: found };
      return null;
    }
  }
  return null;
}

/** Determiners before a document noun and its issuer. */
const DOCUMENT_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'A', 'An', 'The', 'This', 'That']);

/**
 * The issuer of the document whose noun is token `head` ("a Homeland Security memo", "the statement" issued by the
 * Kremlin a sentence before); null when neither is found (the description is left to the other rules).
 */
function documentSubject(tokens: readonly TextToken[], head: number, context: Context): Subject | null {
  const issuer = issuerBefore(tokens, head);
  if (issuer) {
    let [from] = issuer;
    while (from < head && DOCUMENT_DETERMINERS.has(tokens[from]!.text)) from++;
    const before = tokens[from - 1];
    if (from < head && before?.word && DOCUMENT_DETERMINERS.has(before.text)) {
      const words = tokens.slice(from, head).map((w) => w.text).join(' ');
      return { speaker: context.people.canonical(words), span: { start: tokens[from]!.start, end: tokens[head]!.end } };
    }
  }
  const determiner = tokens[head - 1];
  if (!determiner?.word || !['the', 'The', 'this', 'This'].includes(determiner.text)) return null;
  const span = { start: determiner.start, end: tokens[head]!.end };
  const issued = documentIssuedAt(context.text, tokens[head]!.text, tokens[head]!.start);
  const by = issued >= 0 ? clauseSpeaker(context.text, 0, issued, context.people) : null;
  // ("Hale criticised the report. “…,” the report said.": the report speaks, and names no one — not Hale.)
  return by?.speaker ? { speaker: by.speaker, span, evidence: { name: by.speaker, ...(by.speakerSpan ?? { start: issued, end: issued }) } } : { speaker: null, span };
}

/** Lower-case words a role may hold between a possessive and its noun ("former treasury secretary"). */
const ROLE_WORDS = 4;

/**
 * "Clinton's top aide Jake Sullivan", "Lincoln's former treasury secretary Samuel P. Chase": after a possessive,
 * up to ROLE_WORDS lower-case words ending in a person noun, then a name — where that name starts; else -1.
 * ("Trump's comments about Khan": no person noun before the name, so no one is named in apposition.)
 */
function roleHolderAfterPossessive(tokens: readonly TextToken[], from: number, context: Context): number {
  // "The Blaze's Matt Walsh", "CNN's Jake Tapper": a person the article names, right after the possessive.
  const direct = tokens[from]?.word && isCapitalised(tokens[from]!.text) ? nameStartingAt(tokens, from) : null;
  if (direct && !direct.possessive && direct.words.length >= 2 && context.people.entity(direct.words.join(' '))?.kind === 'person') return from;
  for (let k = from; k < from + ROLE_WORDS && tokens[k]?.word && /^\p{Ll}/u.test(tokens[k]!.text); k++) {
    if (!PERSON_NOUNS.has(tokens[k]!.text)) continue;
    const next = tokens[k + 1];
    if (!next?.word || !(isCapitalised(next.text) || isTitle(next.text))) continue;
    const name = nameStartingAt(tokens, k + 1);
    if (name && !name.possessive && !looksInstitutional(name)) return k + 1;
  }
  return -1;
}

/**
 * Where the sentence of quote `index` starts when earlier quotes sit inside it ("X went on ABC's “Morning” to discuss
 * his rival, saying “…”"): `start` (found after the quote before) moved back over each earlier quote of the same
 * paragraph that does not end a sentence, to the sentence start before it.
 */
function sentenceStartOverQuotes(text: string, quotes: readonly QuoteSpan[], index: number, start: number): number {
  const quote = quotes[index]!;
  for (let k = index - 1; k >= 0; k--) {
    const q = quotes[k]!;
    if (start !== q.close || '.!?…'.includes(text[q.end - 1]!) || quote.open - q.open > BEFORE_CHARS) break;
    let lower = Math.max(quotes[k - 1]?.close ?? 0, 0);
    const newline = text.lastIndexOf('\n', q.open - 1);
    if (newline + 1 > lower) lower = newline + 1;
    start = startOfSentence(text, lower, q.open);
  }
  return start;
}

/** After the last sentence end in [lower, at), or `lower`. A quote may close the sentence: `… a colony.” Meanwhile, …`. */
function startOfSentence(text: string, lower: number, at: number): number {
  for (let i = at - 1; i >= lower; i--) {
    const c = text[i]!;
    if (!(c === '.' || c === '!' || c === '?') || isAbbreviation(text, i)) continue;
    let k = i + 1;
    while (k < at && CLOSING_MARKS.has(text[k]!)) k++;
    if (k < at && /\s/.test(text[k]!)) return k;
  }
  return lower;
}

const CLOSING_MARKS = new Set(['”', '’', '"', "'", '»']);

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
