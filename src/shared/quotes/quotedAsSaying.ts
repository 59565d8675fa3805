/**
 * Wire copy's "TASS quoted Foreign Minister Sergei Lavrov as saying: “…”", "Reuters cited Lavrov as saying …": the
 * person quoted speaks, not the agency that quotes them (the sentence's subject) — and "Interfax cited a source as
 * saying" names no one. Where the words for who is quoted end, for the participle "saying" at token `verb`; -1 when
 * the words before it are not "quoted/cited … as".
 */
import type { TextToken } from './textTokens';

const QUOTING_VERBS = new Set(['quoted', 'quotes', 'quoting', 'cited', 'cites', 'citing']);
/** Most tokens of the name and its titles between the verb and "as". */
const NAME_TOKENS = 8;

export function quotedAsSayingNameEnd(tokens: readonly TextToken[], verb: number): number {
  if (tokens[verb]?.text !== 'saying' || tokens[verb - 1]?.text !== 'as') return -1;
  const end = verb - 2;
  if (!tokens[end]?.word) return -1;
  for (let k = end - 1; k >= Math.max(0, end - NAME_TOKENS); k--) {
    const t = tokens[k]!;
    if (t.word && QUOTING_VERBS.has(t.text)) return k < end ? end : -1;
  }
  return -1;
}
