/**
 * A new clause between two quotes of one sentence that has a subject of its
 * own: `Lamb likes “…,” while the former governor loves “…”`. The second
 * quote is not carried on from the first's speaker; it belongs to the
 * subject of its clause (read by clauseSpeaker from where the clause starts).
 */

/** Conjunctions that open a clause with its own subject. */
const OPENERS = /(?:^|[\s,;])(while|whereas|but|and|although|though)\s+/giu;

/** Where the last such clause in text[from, to) starts (just after its conjunction); -1 when there is none. */
export function contrastClauseStart(text: string, from: number, to: number): number {
  const between = text.slice(from, to);
  // Another sentence or paragraph is not a clause of this one.
  // (The first quote may end its sentence: `“….” But …`.)
  if (/[.!?]["'”’]*\s|\n/u.test(text.slice(Math.max(0, from - 3), to))) return -1;
  let start = -1;
  for (const m of between.matchAll(OPENERS)) start = from + m.index + m[0].length;
  // "… and ranked Fiorina among “…”": a verb right after the conjunction goes on with the same subject.
  return start >= 0 && SUBJECT_OPENING.test(text.slice(start, to)) ? start : -1;
}

/** A clause that opens with its subject: a name, a pronoun or a description ("the former governor"). */
const SUBJECT_OPENING = /^(?:\p{Lu}|(?:he|she|it|the|his|her|its|their)\s)/u;
