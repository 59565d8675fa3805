/**
 * A quote inside the "that" clause of a report ("The Times reported that the senator considers the deal “a
 * betrayal”", "Le Monde a révélé que le ministre avait jugé les grévistes « irresponsables »", "Der Spiegel
 * berichtete, dass der Kanzler …"): the words are the clause subject's, not the outlet's or the reporter's. Where
 * that clause starts, so that its own subject is read (and no one is credited when it names no one).
 */
import type { TextToken } from './textTokens';

/**
 * Verbs of an outlet's reporting. (Not speech verbs at large: in "Ann Bright suggested that Trump was weak on the
 * “single-payer” quotes" the quoted words are hers.)
 */
const REPORT_VERBS = new Set([
  'reported', 'reports', 'revealed', 'reveals', 'disclosed', 'discloses', 'learned', 'learnt', 'found', 'finds',
  'révélé', 'révèle', 'rapporté', 'rapporte', 'appris', 'berichtete', 'berichtet', 'enthüllte', 'meldete', 'meldet',
  'reveló', 'revela', 'informó', 'informa', 'publicó', 'rivelato', 'riferito', 'riporta', 'сообщило', 'сообщает', 'пишет',
]);
/** Words that open a reported clause. */
const COMPLEMENTIZERS = new Set(['that', 'que', 'qu', 'dass', 'che', 'что']);

/** Most tokens between the verb and "that" ("reported on Monday that"). */
const VERB_TO_THAT = 3;

/** Token index where the reported clause holding the end of `tokens` starts (after "that"), or -1. */
export function reportedClauseStart(tokens: readonly TextToken[], from: number): number {
  for (let k = tokens.length - 1; k > from; k--) {
    const t = tokens[k]!;
    if (!t.word || !COMPLEMENTIZERS.has(t.text)) continue;
    // "… reported that", "… berichtete, dass", "… reported on Monday that", "… a révélé lundi que"
    for (let v = k - 1; v >= Math.max(from, k - 1 - VERB_TO_THAT); v--) {
      const verb = tokens[v]!;
      if (verb.word && REPORT_VERBS.has(verb.text)) return k + 1;
    }
    return -1;
  }
  return -1;
}
