/**
 * The people and organisations an article names, and where: enough to turn
 * "Mr Bondarev" into "Boris Bondarev" and to say whom a "he", "she", "the
 * senator" or "the newspaper" most likely refers to.
 *
 * Names are read with parseNameMention (titles, initials, particles, party
 * tags). A person is a name of two to four words that reads as no institution
 * or place, or any name after a title ("Mr Bondarev", "Sen. Sanders"); every
 * later occurrence of the surname is a mention of them. An organisation is a
 * name with an institution word ("Ministry", "Department"), an acronym
 * ("ACU") or one written with "the" ("the Times"); an outlet is one with a
 * news word ("Post", "News", "CNN"). A mention counts as a sentence subject
 * when it is the first person named in its sentence, within its first eight
 * words, or when a speech verb follows it. Gender comes from titles, common
 * given names and the pronouns the article uses right after a person.
 *
 * Resolution (resolvePronoun.ts) looks back sentence by sentence for the
 * nearest compatible entity.
 */
import {
  ABBREVIATIONS,
  BETWEEN_SUBJECT_AND_VERB,
  CAPITALISED_STOP_WORDS,
  INSTITUTION_WORDS,
  MONTHS_AND_DAYS,
  OUTLET_WORDS,
  ROLE_TITLES,
  SPEECH_VERBS,
} from './attributionWords';
import { genderOfGivenName, genderOfRoleNoun, type Gender } from './nameGender';
import { descriptionSubjects } from './descriptionSubjects';
import { isAcronym, isTitle, looksInstitutional, nameStartingAt, type NameMention } from './parseNameMention';
import { learnGender } from './learnGender';
import { ageOfMention } from './ageDescription';
import { placeWords } from './placeWords';
import { isPersonDespiteInstitutionWord } from './surnameLikeInstitution';
import { rolesOfMention, type Role } from './learnRoles';
import { partyOfMention, type Party } from './learnParty';
import { followsItsVerb } from './objectOfVerb';
import { actsOnItsOwn } from './actsOnItsOwn';
import { modifiesRoleHolder } from './roleModifier';
import { resolveAt, type EntityMention, type NotedSpeaker, type ResolveHint } from './resolvePronoun';
import { isCapitalised, textTokens, withoutPossessive, type TextToken } from './textTokens';

export type EntityKind = 'person' | 'organisation' | 'outlet';

export interface Entity {
  /** The fullest form the article uses: "Boris Bondarev", "The Washington Post". */
  name: string;
  /** The word later mentions use: "Bondarev", "Post". */
  key: string;
  kind: EntityKind;
  gender: Gender | null;
  /** Titles seen before the name ("Sen", "Mr"). */
  titles: Set<string>;
  /** Every way the article writes it ("Mr Bondarev", "Bondarev"). */
  aliases: Set<string>;
  /** Roles given in apposition ("Tom Hale, the company's spokesman" → spokesman); see learnRoles. */
  roles?: Role[];
  /** The age the article gives them ("Ann Lamb, 54,"; see ageDescription). */
  age?: number;
  /** The party the article gives them (see learnParty); null when it gives both. */
  party?: Party | null;
}

export interface ResolvedMention {
  name: string;
  start: number;
  end: number;
}

export interface PersonIndex {
  /** Full names of people found, in order of first appearance. */
  readonly people: readonly string[];
  readonly entities: readonly Entity[];
  /** The fullest form of a name as written: "Mr Bondarev" → "Boris Bondarev"; unknown names come back cleaned of titles. */
  canonical(name: string): string;
  entity(name: string): Entity | undefined;
  /**
   * Whom a "he"/"she"/"the diplomat"/"the newspaper" at `pos` refers to: the
   * nearest compatible entity named before it (see resolvePronoun), else (a
   * news lede) the first one named shortly after; null when nobody is.
   */
  resolve(pos: number, hint?: ResolveHint): string | null;
  /** Like resolve, with the mention it was resolved from. */
  resolveMention(pos: number, hint?: ResolveHint): ResolvedMention | null;
  /**
   * Records who a quote ending at `pos` was credited to, named or resolved at `mention`: later pronouns
   * prefer them over people only mentioned in passing since. Call in text order.
   */
  noteSpeaker(name: string, pos: number, mention: { start: number; end: number }): void;
  /** The first person or organisation named in text[from, to), outside quotes. */
  firstMentionIn(from: number, to: number): ResolvedMention | null;
}

export type { ResolveHint };

/** The first person named in a sentence, within this many words of its start, is its subject. */
const SUBJECT_WORDS = 8;

export function buildPersonIndex(text: string, quotes: readonly { start: number; end: number }[] = []): PersonIndex {
  const tokens = textTokens(text);
  const sentenceOf = sentenceNumbers(tokens);
  const runs = nameRuns(tokens);
  const byKey = new Map<string, Entity>();
  const entities: Entity[] = [];
  const add = (entity: Entity): Entity => {
    byKey.set(entity.key, entity);
    entities.push(entity);
    return entity;
  };

  // Pass 1: the entities, by their fullest form. A headline in title case ("Conservatives Rebuking Trump")
  // makes no person unless the run starts with a known given name.
  const titleCaseLines = titleCaseLineStarts(text);
  const places = placeWords(tokens);
  for (const run of runs) {
    const kind = kindOf(run, tokens, places);
    if (kind === null) continue;
    if (kind === 'person' && run.words.length > 1 && genderOfGivenName(run.words[0]!) === null && titleCaseLines.has(lineStart(text, tokens[run.from]!.start))) continue;
    const name = kind === 'person' ? run.words.join(' ') : run.words.join(' ');
    const key = kind === 'person' ? run.surname : name;
    const known = byKey.get(key);
    if (known && known.kind === kind) {
      // "Tom Ebeling" after "Betsy Ebeling", "Bill Clinton" after "Hillary Clinton": another person of the family.
      if (kind === 'person' && otherGivenName(run.words, known.name.split(' '))) {
        if (!byKey.has(name)) add({ name, key: name, kind, gender: null, titles: new Set(run.titles), aliases: new Set() });
        continue;
      }
      if (fuller(run.words, known.name.split(' '))) known.name = name;
      for (const t of run.titles) known.titles.add(t);
      continue;
    }
    if (known) continue;
    // "Marcy said" after "Marcy Dunlap": the given name alone is a later mention of her.
    const given = kind === 'person' && run.words.length === 1 && run.titles.length === 0 ? personByGivenName(entities, key) : undefined;
    if (given) {
      byKey.set(key, given);
      continue;
    }
    add({ name, key, kind, gender: null, titles: new Set(run.titles), aliases: new Set() });
  }

  // A run with no entity of its own ("Hillary Clinton Calls ISIS Violence Against Yazidis", "Sanders Told", a headline)
  // still mentions the known people in it.
  const mentionRuns: NameMention[] = [];
  for (const run of runs) {
    if (entityOfRun(run, byKey) || run.words.length === 1) {
      mentionRuns.push(run);
      continue;
    }
    for (let i = run.from; i <= run.to; i++) {
      const t = tokens[i]!;
      const word = withoutPossessive(t.text);
      const known = t.word ? byKey.get(word) : undefined;
      if (known?.kind === 'person') mentionRuns.push({ from: i, to: i, words: [word], surname: word, titles: [], definite: false, possessive: word !== t.text });
    }
  }

  // Pass 2: every mention of a known entity.
  const mentions: EntityMention[] = [];
  let q = 0;
  let lastSentence = -1;
  let namedInSentence = false;
  let sentenceFirstWord = 0;
  for (const run of mentionRuns) {
    const first = tokens[run.from]!;
    const sentence = sentenceOf[run.from]!;
    if (sentence !== lastSentence) {
      lastSentence = sentence;
      namedInSentence = false;
      sentenceFirstWord = run.from;
      while (sentenceFirstWord > 0 && sentenceOf[sentenceFirstWord - 1] === sentence) sentenceFirstWord--;
    }
    const entity = entityOfRun(run, byKey);
    if (!entity) continue;
    entity.aliases.add([...run.titles, ...run.words].join(' '));
    if (entity.kind === 'person' && !run.possessive) for (const role of rolesOfMention(tokens, run.from, run.to)) (entity.roles ??= []).push(role);
    if (entity.kind === 'person') {
      entity.age ??= ageOfMention(tokens, run.to) ?? undefined;
      const party = partyOfMention(tokens, run.from, run.to);
      if (party && entity.party !== null) entity.party = entity.party === undefined || entity.party === party ? party : null;
    }
    const next = tokens[run.to + 1];
    const verbNext = next !== undefined && next.word && (SPEECH_VERBS.has(next.text) || BETWEEN_SUBJECT_AND_VERB.has(next.text));
    let v = run.to + 1;
    while (tokens[v]?.word && BETWEEN_SUBJECT_AND_VERB.has(tokens[v]!.text)) v++;
    const before = tokens[run.from - 1];
    // "Sexton said" or "…,” said Sexton" — not "said Trump continued", where Trump is reported on.
    const beforeVerb = tokens[run.from - 2];
    // (…, said Trump continued to …": Trump is what was said, not who said it.)
    const inverted = before?.word === true && SPEECH_VERBS.has(before.text) && (beforeVerb === undefined || !beforeVerb.word) && !(next?.word === true && /^\p{Ll}/u.test(next.text) && !INVERTED_FOLLOWERS.has(next.text));
    // "… when Tapper asked whether …": a speaker inside a subordinate clause does not speak for the sentence.
    const subordinate = before?.word === true && SUBORDINATE_OPENERS.has(before.text.toLowerCase());
    // ("Trump continued to hurt his cause": "continued to" is no speech.)
    const speechVerbNext = tokens[v]?.word === true && SPEECH_VERBS.has(tokens[v]!.text) && tokens[v + 1]?.text !== 'to';
    const speaks = !run.possessive && !subordinate && (speechVerbNext || inverted);
    while (q < quotes.length && quotes[q]!.end <= first.start) q++;
    const wordsBefore = countWords(tokens, sentenceFirstWord, run.from);
    // "The Ohio Republican gave Greer credit", "One pastor supporting Mr. Cruz, Tom Lee, said": an object is no subject.
    const object = followsItsVerb(tokens, run.from, run.to);
    // "McConnell spokesman Don Stewart wouldn't say": McConnell only names whose spokesman speaks.
    const modifier = !run.possessive && modifiesRoleHolder(tokens, run.to);
    mentions.push({
      start: first.start,
      end: tokens[run.to]!.end,
      sentence,
      entity,
      possessive: run.possessive,
      speaks,
      subject:
        !run.possessive &&
        !modifier &&
        !afterClauseWord(tokens, run.from, wordsBefore) &&
        ((!namedInSentence && !object && (wordsBefore < SUBJECT_WORDS || (before?.text === ',' && next?.word === true && /^\p{Ll}/u.test(next.text)) || appositionOfSubject(tokens, run))) ||
          verbNext ||
          /^\p{Ll}+ed$/u.test(next?.word ? next.text : '')),
      inQuote: q < quotes.length && quotes[q]!.start <= first.start,
    });
    if (!run.possessive && !object && !modifier && entity.kind === 'person') namedInSentence = true;
  }

  learnGender(entities, tokens, mentions, sentenceOf, quotes);
  addDescriptionMentions(tokens, sentenceOf, mentions, quotes);

  const people = [...new Set(mentions.filter((m) => m.entity.kind === 'person').map((m) => m.entity.name))];
  const sentenceAt = (pos: number): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < tokens.length ? sentenceOf[lo]! : (sentenceOf[tokens.length - 1] ?? 0);
  };

  const entityByName = (name: string): Entity | undefined => {
    const words = name.trim().split(/\s+/).map(withoutPossessive);
    while (words.length > 1 && (isTitle(words[0]!) || words[0] === 'the' || words[0] === 'The')) words.shift();
    const joined = words.join(' ');
    const org = byKey.get(joined);
    // "the Post" → "The Washington Post" when the article names it in full.
    if (org && org.kind !== 'person' && words.length === 1) return entities.find((e) => e.kind !== 'person' && e.name.endsWith(` ${joined}`)) ?? org;
    if (org) return org;
    const person = byKey.get(words[words.length - 1]!);
    if (person && person.kind === 'person' && person.name.endsWith(joined)) return person;
    // "the Post" → "The Washington Post"
    const outlet = entities.find((e) => e.kind !== 'person' && e.name.endsWith(` ${joined}`));
    if (outlet) return outlet;
    // "Marcy said" after "Marcy Dunlap": the one person the article gives that given name.
    return words.length === 1 ? personByGivenName(entities, joined) : undefined;
  };

  const speakers: NotedSpeaker[] = [];
  const heOrShe = pronounSubjects(tokens, sentenceOf);
  return {
    people,
    entities,
    entity: entityByName,
    canonical(name: string): string {
      const known = entityByName(name);
      if (known) return known.name;
      const words = name.trim().split(/\s+/).map(withoutPossessive);
      while (words.length > 1 && (isTitle(words[0]!) || words[0] === 'the' || words[0] === 'The')) words.shift();
      return words.join(' ');
    },
    noteSpeaker(name: string, pos: number, mention: { start: number; end: number }): void {
      const entity = entityByName(name);
      if (!entity || entity.kind !== 'person') return;
      const last = speakers[speakers.length - 1];
      if (last && last.pos > pos) return;
      speakers.push({ entity, pos, start: mention.start, end: mention.end });
    },
    resolveMention(pos: number, hint: ResolveHint = {}): ResolvedMention | null {
      const found = resolveAt(mentions, pos, sentenceAt(pos), hint, speakers, heOrShe);
      return found ? { name: found.entity.name, start: found.start, end: found.end } : null;
    },
    firstMentionIn(from: number, to: number): ResolvedMention | null {
      const m = mentions.find((x) => x.start >= from && x.end <= to && !x.inQuote);
      return m ? { name: m.entity.name, start: m.start, end: m.end } : null;
    },
    resolve(pos: number, hint: ResolveHint = {}): string | null {
      return resolveAt(mentions, pos, sentenceAt(pos), hint, speakers, heOrShe)?.entity.name ?? null;
    },
  };
}

/**
 * "The senator spoke for an hour. He said …": each sentence subject that describes a person (see descriptionSubjects)
 * becomes a mention of the person it resolves to, in text order, so that later pronouns and descriptions find them.
 */
function addDescriptionMentions(tokens: readonly TextToken[], sentenceOf: readonly number[], mentions: EntityMention[], quotes: readonly { start: number; end: number }[]): void {
  for (const d of descriptionSubjects(tokens, sentenceOf)) {
    const start = tokens[d.from]!.start;
    const end = tokens[d.to]!.end;
    if (quotes.some((q) => q.start <= start && start < q.end)) continue;
    const sentence = sentenceOf[d.from]!;
    const vice = d.to > d.from && tokens[d.to - 1]!.text.toLowerCase() === 'vice';
    const found = resolveAt(mentions, start, sentence, {
      titles: vice ? ['Vice President'] : ROLE_TITLES.get(d.noun),
      role: { noun: d.noun, qualifiers: d.qualifiers },
      gender: genderOfRoleNoun(d.noun),
      party: d.party,
    });
    if (!found || found.entity.kind !== 'person') continue;
    const next = tokens[d.to + 1];
    const mention: EntityMention = { start, end, sentence, entity: found.entity, possessive: false, subject: true, speaks: next?.word === true && SPEECH_VERBS.has(next.text), inQuote: false, described: true };
    let at = mentions.length;
    while (at > 0 && mentions[at - 1]!.start > start) at--;
    mentions.splice(at, 0, mention);
  }
}

/**
 * The one person named in full whose given name is `word` ("Marcy" → "Marcy Dunlap"); undefined when none, when
 * two people share it, or when it is also another entity's surname or a word of an organisation's name.
 */
export function personByGivenName(entities: readonly Entity[], word: string): Entity | undefined {
  let found: Entity | undefined;
  for (const e of entities) {
    const words = e.name.split(' ');
    if (e.kind !== 'person') {
      if (words.includes(word)) return undefined;
      continue;
    }
    if (e.key === word) return undefined;
    if (words.length < 2 || words[0] !== word) continue;
    if (found && found !== e) return undefined;
    found = e;
  }
  return found;
}

/** Both are given name and surname, with different given names: two people ("Bill Clinton", "Hillary Clinton"). */
function otherGivenName(words: readonly string[], known: readonly string[]): boolean {
  if (words.length < 2 || known.length < 2) return false;
  const a = words[0]!;
  const b = known[0]!;
  if (a === b || a.endsWith('.') || b.endsWith('.') || isAcronym(a) || isAcronym(b)) return false;
  // "Hillary Rodham Clinton" and "Hillary Clinton", "Jeb Bush" and "John Ellis Bush" (a given name in the middle) are one.
  if (words.includes(b) || known.includes(a) || CAPITALISED_STOP_WORDS.has(a) || CAPITALISED_STOP_WORDS.has(b) || isTitle(a) || isTitle(b)) return false;
  return genderOfGivenName(a) !== null || genderOfGivenName(b) !== null;
}

/** `words` name a person more fully than `known`: more words, or a given name where `known` has none ("Michael Mukasey" over a headline's "AG Mukasey"). */
function fuller(words: readonly string[], known: readonly string[]): boolean {
  if (words.length !== known.length) return words.length > known.length;
  const first = known[0]!;
  return genderOfGivenName(words[0]!) !== null && (isAcronym(first) || isTitle(first) || CAPITALISED_STOP_WORDS.has(first));
}

/** Start of the line holding `pos`. */
function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Starts of the lines written in title case (four words or more, at least 70% capitalised): headlines. */
function titleCaseLineStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to - from < 300) {
      // The line's words (runs of non-space) that start with a letter, and how many of those with a capital.
      let words = 0;
      let capitalised = 0;
      for (let i = from; i < to; ) {
        if (isSpaceAt(text, i)) {
          i++;
          continue;
        }
        const c = text.charCodeAt(i);
        if (c < 0x80 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER_FIRST.test(text.slice(i, i + 2))) {
          words++;
          if (c < 0x80 ? c <= 90 : UPPER_FIRST.test(text.slice(i, i + 2))) capitalised++;
        }
        while (i < to && !isSpaceAt(text, i)) i++;
      }
      if (words >= 4 && capitalised / words >= 0.7) starts.add(from);
    }
    from = to + 1;
  }
  return starts;
}

const LETTER_FIRST = /^\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;
const SPACE = /\s/;

/** `\s` at `i`, without a regular expression for ASCII. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}

function countWords(tokens: readonly TextToken[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i]!.word) n++;
  return n;
}

/** Sentence number of every token (a line break or a sentence end starts a new one). */
function sentenceNumbers(tokens: readonly TextToken[]): number[] {
  const result = new Array<number>(tokens.length);
  let s = 0;
  let ended = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.newlineBefore && i > 0 && !ended) s++;
    ended = false;
    result[i] = s;
    if (!t.word && (t.text === '.' || t.text === '!' || t.text === '?')) {
      const before = tokens[i - 1];
      const abbreviation = before !== undefined && before.word && (ABBREVIATIONS.has(before.text) || /^\p{Lu}$/u.test(before.text));
      const next = tokens[i + 1];
      // ("Ava, Mo., who …": a full stop followed by a comma or semicolon ends an abbreviation, not the sentence.)
      const clauseGoesOn = next !== undefined && (next.text === ',' || next.text === ';');
      if (!abbreviation && !clauseGoesOn && (next === undefined || !next.word || !/^\p{Ll}/u.test(next.text))) {
        s++;
        ended = true;
      }
    }
  }
  return result;
}

/** Every name in the text, read forward from where a run of capitalised words starts. */
function nameRuns(tokens: readonly TextToken[]): NameMention[] {
  const runs: NameMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || !mayStartName(t.text)) continue;
    const run = nameStartingAt(tokens, i);
    if (!run) continue;
    runs.push(run);
    i = Math.max(i, run.to);
  }
  return runs;
}

/** A word a name may start with: capitalised, an acronym, a title, or "al-"/"el-" and a capital. */
function mayStartName(word: string): boolean {
  // Most words start with a lower-case ASCII letter: none of those can, but "al-…" and "el-…".
  const first = word.charCodeAt(0);
  if (first >= 97 && first <= 122 && first !== 97 && first !== 101) return false;
  return isCapitalised(word) || isAcronym(word) || isTitle(word) || /^(?:al|el)-\p{Lu}/u.test(word);
}

function kindOf(run: NameMention, tokens: readonly TextToken[], places: ReadonlySet<string>): EntityKind | null {
  const { words } = run;
  // "the Kowalski campaign", "the Trump administration": a modifier, not an organisation's name.
  const following = tokens[run.to + 1];
  // ("The Kremlin issued a statement": a past tense after it is its verb, not a noun it modifies.)
  if (run.definite && words.length === 1 && !isAcronym(words[0]!) && following?.word && /^\p{Ll}/u.test(following.text) && !SPEECH_VERBS.has(following.text) && !BETWEEN_SUBJECT_AND_VERB.has(following.text) && !/^\p{Ll}{3,}ed$/u.test(following.text)) {
    return null;
  }
  if (words.some((w) => MONTHS_AND_DAYS.has(w))) return null;
  if (isPersonDespiteInstitutionWord(run)) return 'person';
  if (words.some((w) => OUTLET_WORDS.has(w)) && (run.definite || words.length > 1 || isAcronym(words[0]!))) return 'outlet';
  if (looksInstitutional(run)) {
    if (words.length === 1 && !isAcronym(words[0]!) && !run.definite) return null;
    return 'organisation';
  }
  if (words.length > 4) return null;
  if (words.some((w) => CAPITALISED_STOP_WORDS.has(w) || INSTITUTION_WORDS.has(w))) return null;
  if (run.titles.length > 0) return 'person';
  if (words.length >= 2) return words.every((w) => isAcronym(w)) ? null : 'person';
  // "in Ohio", "works at Google": a place or workplace, though it opens a later sentence ("Google declined").
  if (places.has(words[0]!)) return null;
  // A lone surname that speaks: "Walsh said"; or one that acts as a subject with an apposition: "Walsh, a former labor leader,".
  const next = tokens[run.to + 1];
  const nextButOne = tokens[run.to + 2];
  const speaks = next?.word === true && (SPEECH_VERBS.has(next.text) || (BETWEEN_SUBJECT_AND_VERB.has(next.text) && nextButOne?.word === true && SPEECH_VERBS.has(nextButOne.text)));
  if (!run.possessive && isCapitalised(words[0]!) && speaks) return 'person';
  const after = tokens[run.to + 2];
  const preceding = tokens[run.from - 1];
  const afterPreposition = preceding?.word === true && PREPOSITIONS.has(preceding.text);
  if (!run.possessive && !afterPreposition && isCapitalised(words[0]!) && next?.text === ',' && after?.word && (after.text === 'a' || after.text === 'an' || after.text === 'the' || after.text === 'who')) {
    return 'person';
  }
  // "Obama described the attack as …": a lone name opening its sentence as the subject of a past-tense verb.
  // (A name opening a paragraph opens its sentence, also after a headline line: "Streik\n\nNordwerk cut its …".)
  const opensSentence = preceding === undefined || preceding.newlineBefore || tokens[run.from]!.newlineBefore || (!preceding.word && (preceding.text === '.' || preceding.text === '!' || preceding.text === '?'));
  // "Volkswagen cut its forecast": a word acting on "its" own things is an organisation (see actsOnItsOwn).
  if (!run.possessive && opensSentence && !isAcronym(words[0]!) && actsOnItsOwn(tokens, run.to)) return 'organisation';
  if (!run.possessive && opensSentence && next?.word === true && /^\p{Ll}{3,}ed$/u.test(next.text) && !isAcronym(words[0]!)) return 'person';
  // "Trump's wife, Melania," / "his spokesman, Hogan,": a name in apposition to a person noun.
  const noun = tokens[run.from - 2];
  if (!run.possessive && preceding?.text === ',' && noun?.word === true && RELATION_NOUNS.has(noun.text) && (next === undefined || !next.word)) return 'person';
  return null;
}

/** The name at `from` follows "whether"/"if" or a preposition inside its sentence ("Asked whether Pike …", "lends his thoughts to Trump"), not a topic opener ("As for Trump, he …"). */
function afterClauseWord(tokens: readonly TextToken[], from: number, wordsBefore: number): boolean {
  const before = tokens[from - 1];
  if (before?.word !== true) return false;
  if (SUBORDINATORS.has(before.text.toLowerCase())) return true;
  if (!PREPOSITIONS.has(before.text) || wordsBefore < 2) return false;
  const opener = tokens[from - 2];
  return !(opener?.word === true && (opener.text === 'As' || opener.text === 'And' || opener.text === 'But'));
}

/** The sentences whose subject is "he" or "she" (first word, or after "But", "And", "So", …), with its gender. */
function pronounSubjects(tokens: readonly TextToken[], sentenceOf: readonly number[]): Map<number, Gender> {
  const found = new Map<number, Gender>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || (t.text !== 'He' && t.text !== 'She' && t.text !== 'he' && t.text !== 'she')) continue;
    const previous = tokens[i - 1];
    const first = i === 0 || sentenceOf[i - 1] !== sentenceOf[i];
    const afterOpener = previous?.word === true && OPENING_CONJUNCTIONS.has(previous.text) && (i === 1 || sentenceOf[i - 2] !== sentenceOf[i]);
    if (first || afterOpener) found.set(sentenceOf[i]!, t.text.toLowerCase() === 'he' ? 'm' : 'f');
  }
  return found;
}

const OPENING_CONJUNCTIONS = new Set(['But', 'And', 'So', 'Yet', 'Still', 'Then', 'Now', 'Instead']);

/** "…, Trump's wife, Melania, is scheduled": a name in apposition right before the sentence's verb. */
function appositionOfSubject(tokens: readonly TextToken[], run: NameMention): boolean {
  const before = tokens[run.from - 1];
  const next = tokens[run.to + 1];
  const verb = tokens[run.to + 2];
  return before?.text === ',' && next?.text === ',' && verb?.word === true && APPOSITION_VERBS.has(verb.text);
}

const APPOSITION_VERBS = new Set(['is', 'was', 'has', 'had', 'will', 'would', 'said', 'says', 'told', 'wrote', 'added']);

/** Words that may follow the name in "…,” said Sexton who …". */
const INVERTED_FOLLOWERS = new Set(['who', 'of', 'in', 'at', 'on', 'during', 'after', 'while', 'when', 'from', 'to', 'and', 'for', 'with', 'about']);
/** Conjunctions that open a subordinate clause ("when Tapper asked"). */
const SUBORDINATE_OPENERS = new Set(['when', 'while', 'after', 'before', 'because', 'since', 'until', 'whether', 'if', 'although', 'though', 'as']);
/** Nouns a name stands in apposition to ("his wife, Melania,"). */
const RELATION_NOUNS = new Set(['wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor', 'friend', 'partner', 'widow', 'niece', 'nephew', 'cousin', 'grandson', 'granddaughter']);

/** Words that open a clause inside a sentence: a name right after them is not the sentence's subject ("Asked whether Pike …"). */
const SUBORDINATORS = new Set(['whether', 'if', 'than', 'whom', 'that']);

/** Words after which a lone capitalised word is a place or thing, not a person ("in Anaheim, the crowd"). */
const PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'of', 'for', 'near', 'on', 'into', 'across', 'outside', 'inside', 'around', 'through', 'via', 'with', 'by', 'about', 'against', 'toward', 'towards', 'between', 'among', 'behind', 'without']);

function entityOfRun(run: NameMention, byKey: ReadonlyMap<string, Entity>): Entity | undefined {
  const org = byKey.get(run.words.join(' '));
  if (org) return org;
  const person = byKey.get(run.surname);
  if (person && person.kind === 'person') return person;
  return undefined;
}
