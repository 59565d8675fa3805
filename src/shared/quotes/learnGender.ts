/**
 * The gender of each person an article names, as a careful reader learns it:
 * from a title ("Mrs", "Sen." says nothing) or a common given name first,
 * else from the subject pronouns ("he", "she") the article uses right after a
 * sentence that names that person alone.
 *
 * Pronoun evidence is weighed: a pronoun in the same sentence as the only
 * person named counts twice, one in the sentence after counts once, and one
 * after a sentence that carries its own same-gender pronoun on ("…, she
 * issued a plan: President X later adopted it. She has called …") counts not
 * at all — that "she" is the chain's, not X's. A person gets a gender only by
 * a clear majority of at least two such counts.
 */
import type { Entity } from './buildPersonIndex';
import { genderOfGivenName, genderOfPronoun, genderOfTitle, type Gender } from './nameGender';
import type { EntityMention } from './resolvePronoun';
import type { TextToken } from './textTokens';

/** Titles and given names first; else the pronouns used right after a person named alone in a sentence. */
export function learnGender(
  entities: readonly Entity[],
  tokens: readonly TextToken[],
  mentions: readonly EntityMention[],
  sentenceOf: readonly number[],
  quotes: readonly { start: number; end: number }[],
): void {
  const votes = new Map<Entity, { m: number; f: number }>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const t of e.titles) e.gender ??= genderOfTitle(t);
    e.gender ??= genderOfGivenName(e.name.split(' ')[0]!);
  }
  // The subject pronouns of each sentence, outside quotes.
  const pronounsOf = new Map<number, Set<Gender>>();
  for (let i = 0, q = 0; i < tokens.length; i++) {
    const w = tokens[i]!.text;
    // (The four subject pronouns first: genderOfPronoun lower-cases every word it is given.)
    if (!tokens[i]!.word || (w !== 'he' && w !== 'she' && w !== 'He' && w !== 'She')) continue;
    const g = genderOfPronoun(w);
    if (!g) continue;
    while (q < quotes.length && quotes[q]!.end <= tokens[i]!.start) q++;
    if (q < quotes.length && quotes[q]!.start <= tokens[i]!.start) continue;
    const s = sentenceOf[i]!;
    pronounsOf.set(s, (pronounsOf.get(s) ?? new Set<Gender>()).add(g));
  }
  let m = 0;
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    // Only a subject pronoun: "his"/"her" often belong to someone the sentence does not name
    // ("Mukasey said … her career", "with Mayor Walsh by her side, Clinton …").
    const w = t.text;
    if (w !== 'he' && w !== 'she' && w !== 'He' && w !== 'She') continue;
    const g = genderOfPronoun(w);
    if (!g) continue;
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    if (q < quotes.length && quotes[q]!.start <= t.start) continue;
    while (m < mentions.length && mentions[m]!.start < t.start) m++;
    // People named before the pronoun in its sentence (a strong sign) or else in the one before.
    const sentence = sentenceOf[i]!;
    const inSentence = new Set<Entity>();
    const inPrevious = new Set<Entity>();
    for (let k = m - 1; k >= 0 && mentions[k]!.sentence >= sentence - 1; k--) {
      const e = mentions[k]!.entity;
      if (mentions[k]!.inQuote || e.kind !== 'person') continue;
      (mentions[k]!.sentence === sentence ? inSentence : inPrevious).add(e);
    }
    const seen = inSentence.size > 0 ? inSentence : inPrevious;
    if (seen.size !== 1) continue;
    // "Following …, she issued a plan: President Obama later adopted it. She has called …": the sentence before
    // carries its own "she" on; the one person it names is not who "she" is.
    if (inSentence.size === 0 && pronounsOf.get(sentence - 1)?.has(g)) continue;
    const [only] = seen;
    const weight = inSentence.size > 0 ? 2 : 1;
    const tally = votes.get(only!) ?? { m: 0, f: 0 };
    tally[g] += weight;
    votes.set(only!, tally);
  }
  // A clear majority only: "she" after a sentence naming only Obama is often about someone else.
  for (const [e, { m, f }] of votes) {
    // (One weak vote — a "she" after a sentence naming only them — is no evidence.)
    if (e.gender !== null || m + f < 2) continue;
    if (m >= 2 * f && m > f) e.gender = 'm';
    else if (f >= 2 * m && f > m) e.gender = 'f';
  }
}
