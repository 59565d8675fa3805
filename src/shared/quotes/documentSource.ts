/**
 * Documents as speakers: "a Homeland Security memo put it", "the Pentagon report concluded", "according to the
 * statement". The document speaks for whoever issued it:
 * - the issuer named right before the document noun ("a Homeland Security memo", "the Justice Department's
 *   report" is a possessive and read elsewhere);
 * - else, for "the statement"/"the memo", the one the article said issued it shortly before ("The Kremlin issued a
 *   statement … According to the statement, “…”");
 * - else no one: the document is the subject, and it names no one (not a person named nearby); so too for "It
 *   read: “…”" (a sign or a notice reads, not the organisation named before).
 */
import type { TextToken } from './textTokens';
import { isCapitalised } from './textTokens';

/** Head nouns of documents that "say", "put it", "conclude". */
export const DOCUMENT_NOUNS = new Set([
  'memo', 'memorandum', 'report', 'statement', 'letter', 'email', 'e-mail', 'document', 'study', 'filing', 'complaint',
  'indictment', 'lawsuit', 'ruling', 'editorial', 'release', 'communique', 'communiqué', 'assessment', 'analysis', 'dossier',
  'cable', 'notice', 'directive', 'guidance', 'brief', 'briefing', 'transcript', 'order', 'sign', 'banner', 'placard', 'poster',
  'caption', 'headline', 'message', 'note', 'text', 'sticker', 'leaflet', 'flyer',
]);

/** "It read: “…”", "it reads": what reads is a document or a sign, not the organisation an "it" would stand for. */
export function readsLikeDocument(verb: string): boolean {
  return verb === 'read' || verb === 'reads';
}

/** Verbs by which someone puts a document out ("issued a statement", "sent a letter"). */
const ISSUE_VERBS = /\b(?:issued|released|published|sent|circulated|posted|filed|signed|wrote|drafted|put out|distributed|delivered)\s+(?:a|an|the|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}?$/u;

/** How far back the issuing of a document is looked for. */
const ISSUE_LOOK_BACK = 800;

/** Capitalised words of an issuer between a determiner and the document noun at `head` ("a Homeland Security memo"): [from, to] or null. */
export function issuerBefore(tokens: readonly TextToken[], head: number): [number, number] | null {
  let from = head;
  while (from - 1 >= 0 && tokens[from - 1]!.word && isCapitalised(tokens[from - 1]!.text) && head - from < 5) from--;
  if (from === head) return null;
  // The issuer ends the run ("a Homeland Security memo"), and the run follows a determiner or opens the clause.
  return [from, head - 1];
}

/**
 * For "the statement" at `pos` with no issuer named with it: where the article said someone issued such a document
 * (the offset of the issuing verb), within ISSUE_LOOK_BACK characters before; -1 when it did not.
 */
export function documentIssuedAt(text: string, noun: string, pos: number): number {
  const from = Math.max(0, pos - ISSUE_LOOK_BACK);
  const before = text.slice(from, pos);
  let at = before.lastIndexOf(noun);
  while (at >= 0) {
    const m = ISSUE_VERBS.exec(before.slice(Math.max(0, at - 60), at));
    if (m) return from + Math.max(0, at - 60) + m.index;
    at = before.lastIndexOf(noun, at - 1);
  }
  return -1;
}
