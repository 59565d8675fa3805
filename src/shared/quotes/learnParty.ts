/**
 * The party an article gives a politician, so that "the Democratic nominee",
 * "the Vermont Democrat" or "the Ohio Republican" is not taken for someone
 * of the other party named last. A party shows in a tag after the name
 * ("Jason Chaffetz (R-Utah)", "Ann Lamb, D-Ohio,"), in the words right
 * before it ("Republican presidential nominee Tom Hale", "Democratic Sen.
 * Ann Lamb") or in an apposition ("Tom Hale, a Republican,", "Ann Lamb, the
 * Democratic nominee,"). US parties only, as written in US news.
 */
import type { TextToken } from './textTokens';

export type Party = 'D' | 'R';

const PARTY_WORDS: ReadonlyMap<string, Party> = new Map([
  ['Democrat', 'D'],
  ['Democratic', 'D'],
  ['Dem', 'D'],
  ['Republican', 'R'],
  ['GOP', 'R'],
]);

/** Capitalised nouns that head a description of a party member: "the Vermont Democrat", "the Ohio Republican". */
export const PARTY_NOUNS: ReadonlySet<string> = new Set(['Democrat', 'Republican']);

/** The party a word names ("Democratic" → D, "GOP" → R); null for any other word. */
export function partyOfWord(word: string): Party | null {
  return PARTY_WORDS.get(word.replace(/['’]s$/u, '')) ?? null;
}

/** The party of any of `words` (a description's qualifiers or head); null when none or both are named. */
export function partyOfWords(words: readonly string[]): Party | null {
  return onlyParty(words.map(partyOfWord));
}

/** The one party among `found`; null when none or both. */
function onlyParty(found: readonly (Party | null)[]): Party | null {
  const parties = new Set(found.filter((p): p is Party => p !== null));
  return parties.size === 1 ? [...parties][0]! : null;
}

/** Words in the run-up to a name that may stand between a party word and the name ("Republican presidential nominee"). */
const LEAD_WORDS = 4;
/** Most words of an apposition read for a party. */
const APPOSITION_WORDS = 6;
/** Words that end an apposition's description ("a Democrat who …", "the nominee for …"). */
const APPOSITION_ENDS = new Set(['who', 'which', 'for', 'of', 'at', 'in', 'to', 'with', 'from', 'and', 'but', 'on', 'since']);

/** The party the text gives the name from token `from` to `to` (titles and a party tag included); null when it gives none. */
export function partyOfMention(tokens: readonly TextToken[], from: number, to: number): Party | null {
  const found: (Party | null)[] = [];
  // "Jason Chaffetz (R-Utah)", "Democratic Sen. Ann Lamb" (in the run), ", D-Ohio,"
  for (let k = from; k <= to; k++) found.push(partyOfTag(tokens[k]!.text), k < to ? partyOfWord(tokens[k]!.text) : null);
  if (tokens[to + 1]?.text === ',') found.push(partyOfTag(tokens[to + 2]?.text ?? ''));
  // "Republican presidential nominee Tom Hale": a party word among the few words right before the name.
  for (let k = from - 1; k >= Math.max(0, from - LEAD_WORDS) && tokens[k]!.word; k--) found.push(partyOfWord(tokens[k]!.text));
  // "Tom Hale, a Republican," / "Ann Lamb, the Democratic nominee,"
  if (tokens[to + 1]?.text === ',' && /^(?:a|an|the)$/i.test(tokens[to + 2]?.text ?? '')) {
    for (let k = to + 3, words = 0; tokens[k]?.word && words < APPOSITION_WORDS && !APPOSITION_ENDS.has(tokens[k]!.text); k++, words++) {
      found.push(partyOfWord(tokens[k]!.text));
    }
  }
  return onlyParty(found);
}

/** "R-Utah", "D-N.C." → the party; null for any other token. */
function partyOfTag(text: string): Party | null {
  const m = /^([RD])-\p{Lu}/u.exec(text);
  return m ? (m[1] as Party) : null;
}
