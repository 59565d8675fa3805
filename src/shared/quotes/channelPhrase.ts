/**
 * The phrase of an attribution's sentence that names its channel when it
 * lies outside the cue (cueChannel reads the cue alone, one unbroken stretch
 * of text): an opening phrase ("In a post on X, Musk wrote"), a clause
 * between the speaker and the verb or after them ("Ortiz, reached by phone by
 * the AP, said", "Lopez said, speaking to the BBC on Sunday"), a participle
 * after the cue ("said in a statement posted on LinkedIn"), and the outlet a
 * French, German, Spanish or Russian verb names after its speaker ("a déclaré
 * X à l’AFP", "sagte X der „Süddeutschen Zeitung“", "dijo X a la agencia EFE",
 * "заявил X ТАСС").
 *
 * A wrong channel is worse than none: a foreign outlet counts only when a
 * media noun names it as one ("au quotidien …", "a la agencia …"), when it is
 * in quotation marks (German), or when it is an acronym or a news agency
 * ("à Paris", "der Polizei" are no channel).
 */
import type { TextSpan } from './findAttribution';
import { SPEECH_VERBS } from './attributionWords';
import { FOREIGN_SPEECH_VERBS } from './foreignSpeechWords';

export interface ChannelPhrase {
  /** Where the phrase is ("In a post on X", "reached by phone by the AP", "à l’AFP"). */
  span: TextSpan;
  /** The channel it names, as cueChannel names one ("X", "the AP", "AFP", "statement"). */
  channel: string;
}

/** Most characters looked at before and after the attribution, within its sentence. */
const REACH = 160;

const NAME = String.raw`\p{Lu}[\p{L}\p{N}.&-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}.&-]*)*`;
const DETERMINER = String.raw`(?:a|an|the|his|her|their|its)`;
/** Nouns of the message or medium an opening phrase names: "In a post on X", "In an interview with the BBC". */
const MEDIUM = String.raw`(?:post|posts|tweet|message|video|interview|statement|email|e-mail|letter|podcast|broadcast|op-ed|column|blog\s+post|livestream|speech|appearance|press\s+release|news\s+release|note)`;

/** "In a post on X," / "In an interview with the BBC," / "In a statement," at the start of the sentence. */
const OPENING = new RegExp(String.raw`^\s*(?:(?:But|And|Yet|Later|Earlier)\s+)?(In|On)\s+${DETERMINER}\s+(${MEDIUM})(?:\s+(?:on|with|to)\s+((?:the\s+)?${NAME}))?(?:\s+on\s+\p{Lu}\p{Ll}+day)?\s*,\s*$`, 'u');
/** "speaking to the BBC (on Sunday)", "reached by phone by the Associated Press", "contacted by email by Reuters". */
const CLAUSE = new RegExp(String.raw`^((?:[Ss]peaking|[Tt]alking)\s+(?:to|with)\s+((?:the\s+)?${NAME})|(?:[Rr]eached|[Cc]ontacted)\s+by\s+(?:tele)?(phone|e-?mail|text\s+message)(?:\s+by\s+((?:the\s+)?${NAME}))?)`, 'u');
/** After the cue: " posted on LinkedIn", " published on Facebook". */
const POSTED_ON = new RegExp(String.raw`^\s+((?:posted|published|shared|released)\s+(?:on|to)\s+(${NAME}))`, 'u');

/** News agencies and broadcasters not written as acronyms, named after a foreign verb without a media noun. */
const AGENCIES = String.raw`(?:Reuters|Bloomberg|Xinhua|Interfax|Efe|Europa\s+Press|Associated\s+Press|Рейтер|Интерфаксу|Блумберг|Синьхуа)`;
const ACRONYM = String.raw`\p{Lu}{2,6}(?![\p{L}\p{N}])`;
/** French: "à l’AFP", "au quotidien Le Monde", "à la radio RTL", "à Reuters". */
const FRENCH = new RegExp(String.raw`^\s+((?:à\s+l[’']\s*(${ACRONYM})|(?:à\s+la|au|à\s+l[’'])\s*(?:quotidien|journal|magazine|radio|chaîne|agence|télévision|hebdomadaire|site|station)\s+((?:«\s*)?${NAME}(?:\s*»)?)|à\s+(${AGENCIES}|${ACRONYM})))`, 'u');
/** German: "der „Süddeutschen Zeitung“", "dem Sender ZDF", "gegenüber der dpa", "der Nachrichtenagentur Reuters". */
const GERMAN = new RegExp(String.raw`^\s+((?:gegenüber\s+)?(?:der|dem)\s+(?:„([^“”"]{2,60})[“”]|"([^"]{2,60})"|(?:Zeitung|Nachrichtenagentur|Agentur|Sender|Zeitschrift|Wochenzeitung|Tageszeitung|Magazin|Rundfunk)\s+(?:„([^“”"]{2,60})[“”]|(${NAME}))|(dpa|${AGENCIES}|${ACRONYM})))`, 'u');
/** Spanish: "a la agencia EFE", "al diario El País", "a EFE". */
const SPANISH = new RegExp(String.raw`^\s+((?:a\s+la|al)\s+(?:agencia|cadena|emisora|radio|televisión|revista|diario|periódico|canal)\s+(${NAME})|a\s+(${AGENCIES}|${ACRONYM}))`, 'u');
/** Russian: "ТАСС", "агентству ТАСС", "газете «Известия»", "РИА Новости". */
const RUSSIAN = new RegExp(String.raw`^\s+((?:агентству|изданию|газете|телеканалу|радиостанции|журналу|радио)\s+(«[^»]{2,60}»|${NAME})|(РИА\s+Новости|${AGENCIES}|\p{Lu}{3,6}(?![\p{L}\p{N}])))`, 'u');

const LATIN = [FRENCH, GERMAN, SPANISH];

/** The channel phrase of the attribution whose cue and speaker are at `cue` and `speaker`, if its sentence has one. */
export function channelPhrase(text: string, cue: TextSpan, speaker: TextSpan | null): ChannelPhrase | null {
  const first = speaker && speaker.start < cue.start ? speaker : cue;
  const last = speaker && speaker.end > cue.end ? speaker : cue;
  const from = sentenceStart(text, first.start);
  const to = sentenceEnd(text, last.end);
  const before = text.slice(from, first.start);
  const opening = OPENING.exec(before);
  if (opening) {
    const span = { start: from + before.length - before.replace(/^\s*(?:(?:But|And|Yet|Later|Earlier)\s+)?/u, '').length, end: from + before.replace(/\s*,\s*$/u, '').length };
    return { span, channel: opening[3] ?? opening[2]! };
  }
  // "Reached by phone by the AP, Ortiz said"
  const lead = /^\s*/u.exec(before)![0].length;
  const openingClause = CLAUSE.exec(before.slice(lead));
  if (openingClause && /^\s*,\s*$/u.test(before.slice(lead + openingClause[1]!.length))) return clauseAt(from + lead, openingClause);
  // "Ortiz, reached by phone by the AP, said" / "Lopez said, speaking to the BBC on Sunday."
  const gaps = speaker && speaker.end <= cue.start ? [speaker.end, last.end] : [last.end];
  for (const at of gaps) {
    const rest = text.slice(at, to);
    const comma = /^\s*,\s*/u.exec(rest);
    if (!comma) continue;
    const clause = CLAUSE.exec(rest.slice(comma[0].length));
    if (!clause) continue;
    return clauseAt(at + comma[0].length, clause);
  }
  const after = text.slice(last.end, Math.min(to + 1, text.length));
  const posted = POSTED_ON.exec(after);
  if (posted && last === cue) return phraseAt(last.end, after, posted, posted[2]!);
  // Only after a verb of another language: "“…,” said a CNN producer" is no Spanish "a EFE".
  const verb = (/[\p{L}’'-]+$/u.exec(text.slice(cue.start, cue.end))?.[0] ?? '').toLowerCase();
  if (!FOREIGN_SPEECH_VERBS.has(verb) || SPEECH_VERBS.has(verb)) return null;
  const cyrillic = /\p{Script=Cyrillic}/u.test(verb);
  for (const rule of cyrillic ? [RUSSIAN] : LATIN) {
    const found = rule.exec(after);
    if (!found) continue;
    const channel = found.slice(2).find((g) => g !== undefined);
    if (channel) return phraseAt(last.end, after, found, channel.replace(/^«\s*|\s*»$/gu, ''));
  }
  return null;
}

/** A "speaking to …" or "reached by phone by …" clause found at `start`: the outlet, else the medium. */
function clauseAt(start: number, clause: RegExpExecArray): ChannelPhrase {
  const channel = withoutFullStop(clause[2] ?? clause[4] ?? clause[3]!);
  return { span: { start, end: start + withoutFullStop(clause[1]!).length }, channel: channel.replace(/^e-mail$/u, 'email') };
}

function phraseAt(offset: number, after: string, found: RegExpExecArray, channel: string): ChannelPhrase {
  const start = offset + found[0].length - found[1]!.length;
  return { span: { start, end: start + withoutFullStop(found[1]!).length }, channel: withoutFullStop(channel) };
}

/** "LinkedIn." → "LinkedIn" (the sentence's full stop), but "the A.P." keeps its initial's. */
function withoutFullStop(name: string): string {
  return /\.$/u.test(name) && !/\.\p{L}+\.$|\b\p{Lu}\.$/u.test(name) ? name.slice(0, -1) : name;
}

/** Start of the sentence (or quote-free stretch) holding `at`, at most REACH characters back. */
function sentenceStart(text: string, at: number): number {
  const lower = Math.max(0, at - REACH);
  for (let i = at - 1; i >= lower; i--) {
    const c = text[i]!;
    if (c === '\n' || STOPS.has(c)) return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/u.test(text[i + 1] ?? '')) return i + 1;
  }
  return lower;
}

/** End of the sentence holding `at`, at most REACH characters on; a German outlet in „…“ does not end it. */
function sentenceEnd(text: string, at: number): number {
  const upper = Math.min(text.length, at + REACH);
  let inOutlet = false;
  for (let i = at; i < upper; i++) {
    const c = text[i]!;
    if (c === '„') inOutlet = true;
    else if (inOutlet && (c === '“' || c === '”')) inOutlet = false;
    else if (!inOutlet && (c === '\n' || c === ';' || STOPS.has(c))) return i;
    else if (!inOutlet && (c === '!' || c === '?' || (c === '.' && !/\p{Lu}/u.test(text[i - 1] ?? '')))) return i;
  }
  return upper;
}

/** Quotation marks: a quote's words are not the attribution's. */
const STOPS = new Set(['“', '”', '"', '«', '»', '„']);
