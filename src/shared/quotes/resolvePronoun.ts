/**
 * Whom a pronoun or description refers to: the nearest compatible entity
 * named before it, the way a careful reader does.
 *
 * Sentence by sentence back from the pronoun (at most LOOK_BACK_SENTENCES or LOOK_BACK_CHARS),
 * the first sentence holding a compatible mention wins; in it the person
 * who speaks ("Sexton said") comes first, then the sentence's subject, then the other people it names in order, possessives
 * ("Clinton’s aide") last. Compatible means: the right kind (person, or
 * organisation/outlet for "it" and "the newspaper"), not named only inside a
 * quote, and not of the other gender when both genders are known. A
 * description with a role ("the senator") first looks for the nearest person
 * with that title ("Sen. Sanders"). With nothing before it, a news lede may
 * name its person just after ("One of Putin’s allies quit … Boris Bondarev").
 */
import type { Entity, EntityKind } from './buildPersonIndex';
import type { Gender } from './nameGender';
import { roleFits } from './learnRoles';
import type { Party } from './learnParty';

export interface EntityMention {
  start: number;
  end: number;
  sentence: number;
  entity: Entity;
  possessive: boolean;
  subject: boolean;
  /** A speech verb follows it ("Sexton said"): the speaker of that sentence. */
  speaks: boolean;
  inQuote: boolean;
  /** A description standing as its sentence's subject ("The senator spoke."), resolved to its person: for later sentences only. */
  described?: boolean;
}

export interface ResolveHint {
  /** "he" → 'm', "she" → 'f'. */
  gender?: Gender | null;
  /** The description's role noun and capitalised words ("the spokesman"): a person given that role in apposition comes first. */
  role?: { noun: string; qualifiers: readonly string[] };
  /** Titles that mark the described role ("the senator" → ["Sen", "Senator"]). */
  titles?: readonly string[];
  /** What is referred to; default person. "organisation" accepts outlets too. */
  kind?: EntityKind;
  /** Prefer the nearest entity whose name holds this word ("the department" → "State Department"). */
  nameWord?: string;
  /** With nameWord: only such an entity, nothing else ("the government" is no nearby newspaper). */
  nameWordOnly?: boolean;
  /** The party a description names ("the Democratic nominee"): no one the article gives the other party. */
  party?: Party | null;
  /** "the 54-year-old": the person the article gave that age first, else no one of another age. */
  age?: number;
  /** With kind organisation: not a news outlet ("the group" is no newspaper). */
  noOutlet?: boolean;
  /** Only within the last NEAR_SENTENCES sentences, with no fallback to earlier mentions or to a lede's later ones. */
  nearOnly?: boolean;
  /** Only a mention that speaks or is its sentence's subject ("the group" is no "Wall Street" in "her Wall Street links"). */
  subjectOnly?: boolean;
  /** Only the subject of the sentence before ("They" for an organisation just named). */
  previousSubjectOnly?: boolean;
}

/** Titles that say nothing of a role. */
const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Dame', 'Lady', 'Lord']);

/** How many sentences back a pronoun looks for its referent before falling back to any earlier mention. */
const LOOK_BACK_SENTENCES = 6;
/** …and at least this many characters (quotes of several sentences count as many sentences). */
const LOOK_BACK_CHARS = 1500;
/** How many sentences back a person carrying a description's title is taken before the subject of the sentence before. */
const TITLED_SENTENCES = 2;
/** How many sentences back a description that must refer near ("the group") looks. */
const NEAR_SENTENCES = 2;
/** How far after a pronoun a lede may name its person. */
const LOOK_AHEAD_CHARS = 600;

/** A quote's speaker as the reader knows them after reading it: who spoke last is who a later "he said" most likely is. */
export interface NotedSpeaker {
  entity: Entity;
  /** End of the quote they were credited with. */
  pos: number;
  /** The mention they were named or resolved from. */
  start: number;
  end: number;
}

export function resolveAt(
  mentions: readonly EntityMention[],
  pos: number,
  sentence: number,
  hint: ResolveHint,
  speakers: readonly NotedSpeaker[] = [],
  /** Sentences whose subject is "he"/"she": a chain of them carries one referent on ("Hannity …. But he …. “…,” he said"). */
  pronounSubjects: ReadonlyMap<number, Gender> = new Map(),
): EntityMention | null {
  const kind = hint.kind ?? 'person';
  const fits = (m: EntityMention): boolean => {
    if (m.inQuote || (m.described && m.sentence === sentence)) return false;
    const k = m.entity.kind;
    if (kind === 'person' ? k !== 'person' : kind === 'outlet' ? k !== 'outlet' : k === 'person') return false;
    if (hint.gender && m.entity.gender && hint.gender !== m.entity.gender) return false;
    if (hint.party && m.entity.party && hint.party !== m.entity.party) return false;
    if (hint.noOutlet && k === 'outlet') return false;
    if (hint.age !== undefined && m.entity.age !== undefined && m.entity.age !== hint.age) return false;
    return true;
  };
  let before = lowerBound(mentions, pos) - 1;
  while (before >= 0 && mentions[before]!.end > pos) before--;

  if (hint.age !== undefined) {
    // "Ann Lamb, 54, …. “…,” the 54-year-old said."
    for (let k = before; k >= 0 && pos - mentions[k]!.start <= LOOK_BACK_CHARS * 2; k--) {
      const m = mentions[k]!;
      if (fits(m) && m.entity.age === hint.age) return m;
    }
  }

  if (hint.role) {
    // "Tom Hale, the company's spokesman, …. “…,” the spokesman said."
    for (let k = before; k >= 0 && pos - mentions[k]!.start <= LOOK_BACK_CHARS * 2; k--) {
      const m = mentions[k]!;
      if (fits(m) && roleFits(m.entity.roles, hint.role.noun, hint.role.qualifiers)) return m;
    }
  }

  if (hint.titles && hint.titles.length > 0) {
    // A person carrying the title as the subject of one of the last few sentences ("Sen. Ann Lamb met Tom Hale. Dale Greer
    // came too. … the senator said"); not one named in passing ("Rubio appeared with Sen. Ernst. The Florida senator said").
    for (let k = before; k >= 0 && sentence - mentions[k]!.sentence <= TITLED_SENTENCES; k--) {
      const m = mentions[k]!;
      if (fits(m) && m.subject && !m.possessive && hint.titles.some((t) => m.entity.titles.has(t))) return m;
    }
    // Else the subject of the sentence just before, when it carries no other title ("Bill Clinton got in on the game. … the former president said").
    let k = before;
    while (k >= 0 && mentions[k]!.sentence === sentence) k--;
    const previous = k >= 0 ? mentions[k]!.sentence : -1;
    if (k >= 0 && previous === sentence - 1) {
      while (k >= 0 && mentions[k - 1]?.sentence === previous) k--;
      const subject = mentions[k]!;
      const titles = [...subject.entity.titles].filter((t) => !HONORIFICS.has(t));
      if (fits(subject) && subject.subject && !subject.possessive && (titles.length === 0 || hint.titles.some((t) => titles.includes(t)))) return subject;
    }
    for (let i = before; i >= 0; i--) {
      const m = mentions[i]!;
      if (fits(m) && hint.titles.some((t) => m.entity.titles.has(t))) return m;
    }
  }

  if (hint.previousSubjectOnly) {
    let k = before;
    while (k >= 0 && mentions[k]!.sentence === sentence) k--;
    const s = k >= 0 ? mentions[k]!.sentence : -1;
    if (s !== sentence - 1) return null;
    while (k >= 0 && mentions[k - 1]?.sentence === s) k--;
    const subject = mentions[k]!;
    return fits(subject) && !subject.possessive ? subject : null;
  }

  if (hint.nameWord) {
    const word = hint.nameWord.toLowerCase();
    for (let k = before; k >= 0 && pos - mentions[k]!.start <= LOOK_BACK_CHARS * 2; k--) {
      const m = mentions[k]!;
      if (fits(m) && m.entity.name.toLowerCase().split(/\s+/).includes(word)) return m;
    }
    if (hint.nameWordOnly) return null;
  }

  // The speaker of the last quote before, when compatible and near: a person only mentioned in passing since
  // ("Asked whether Clinton …, she replied") does not take the floor from them.
  let last: NotedSpeaker | undefined;
  for (let k = speakers.length - 1; k >= 0; k--) {
    if (speakers[k]!.pos > pos) continue;
    if (pos - speakers[k]!.pos <= LOOK_BACK_CHARS) last = speakers[k];
    break;
  }
  const lastFits = last !== undefined && kind === 'person' && !hint.titles?.length && fits({ ...mentions[0]!, entity: last.entity, inQuote: false });
  // Sentence by sentence, nearest first.
  let i = before;
  while (i >= 0) {
    const s = mentions[i]!.sentence;
    if (sentence - s > LOOK_BACK_SENTENCES && pos - mentions[i]!.start > LOOK_BACK_CHARS) break;
    if (hint.nearOnly && sentence - s > NEAR_SENTENCES) break;
    const inSentence: EntityMention[] = [];
    while (i >= 0 && mentions[i]!.sentence === s) inSentence.unshift(mentions[i--]!);
    const candidates = inSentence.filter(fits);
    // "He added that if his son Beau were …, he would advise him": a "he" further on in a sentence whose subject is
    // "he" is that subject again, not a person named in between.
    if (s === sentence && candidates.length > 0 && hint.gender && pronounSubjects.get(s) === hint.gender) continue;
    // A sentence whose subject is a pronoun has no named subject ("He said that Trump needs …").
    const pronounSubject = s < sentence && pronounSubjects.has(s);
    const best = candidates.find((m) => m.speaks) ?? (pronounSubject ? undefined : candidates.find((m) => m.subject));
    if (best) return best;
    // "But he did not dispute that he talks to Trump": its own subject is the same "he"; look further back.
    if (candidates.length > 0 && s < sentence && hint.gender && pronounSubjects.get(s) === hint.gender) continue;
    if (candidates.length > 0 && lastFits && !candidates.some((m) => m.entity === last!.entity)) {
      return { ...candidates[0]!, entity: last!.entity, start: last!.start, end: last!.end, possessive: false, subject: true, speaks: true };
    }
    if (hint.subjectOnly) continue;
    const other = candidates.find((m) => !m.possessive) ?? candidates[0];
    if (other) return other;
  }
  if (hint.nearOnly) return null;
  for (let k = i; k >= 0; k--) if (fits(mentions[k]!) && !mentions[k]!.possessive) return mentions[k]!;
  // Looking ahead ("He …, Tom Reiner said"), a role description takes only a person who carries its title:
  // "The senator said …. Tom Reiner left." names no one rather than the wrong one.
  // ("Asked about it, the minister said: “…” The minister, Anna Berg, …": a role given in apposition just after counts too.)
  const titled = (m: EntityMention) => !hint.titles?.length || hint.titles.some((t) => m.entity.titles.has(t)) || (hint.role !== undefined && roleFits(m.entity.roles, hint.role.noun, hint.role.qualifiers));
  for (let k = before + 1; k < mentions.length && mentions[k]!.start < pos + LOOK_AHEAD_CHARS; k++) {
    if (fits(mentions[k]!) && titled(mentions[k]!) && mentions[k]!.subject) return mentions[k]!;
  }
  for (let k = before + 1; k < mentions.length && mentions[k]!.start < pos + LOOK_AHEAD_CHARS; k++) {
    if (fits(mentions[k]!) && titled(mentions[k]!) && !mentions[k]!.possessive) return mentions[k]!;
  }
  return null;
}

function lowerBound(mentions: readonly EntityMention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
