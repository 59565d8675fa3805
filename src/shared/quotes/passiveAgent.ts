/**
 * Passive attributions: "The plan was described as “unworkable” by the Treasury", "The bill was called “a
 * disgrace” by Sen. Ann Marsh". The agent after "by" speaks, not the sentence's subject. Where the agent's words
 * start (the offset right after "by") and the verb's offsets, or null when the quote is not set in such a phrase.
 */

/** A passive speech verb right before the quote: "was called", "were described as", "has been branded". */
const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be)\s+(?:\p{Ll}+ly\s+)?(called|described as|dubbed|branded|labell?ed|termed|denounced as|critici[sz]ed as|slammed as|hailed as|praised as|condemned as|derided as|dismissed as)\s*$/u;
/** "by" right after the closing mark (and its punctuation). */
const BY_AFTER = /^[\s,]*by\s+/u;

export function passiveAgent(text: string, open: number, close: number): { agent: number; cue: { start: number; end: number } } | null {
  const before = text.slice(Math.max(0, open - 60), open);
  const m = PASSIVE_BEFORE.exec(before);
  if (!m) return null;
  const by = BY_AFTER.exec(text.slice(close, close + 12));
  if (!by) return null;
  const verbStart = Math.max(0, open - 60) + m.index + m[0].indexOf(m[1]!);
  return { agent: close + by[0].length, cue: { start: verbStart, end: verbStart + m[1]!.length } };
}
