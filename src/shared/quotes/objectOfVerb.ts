/**
 * Whether the name starting at token `at` is the object of the verb right before it
 * ("Cruz knocked Rubio on trade and called him …": Rubio is knocked, Cruz speaks),
 * not a clause's subject. A lower-case word right before a name is read as its verb or
 * preposition unless it is a word that opens a clause ("when Cruz …", "and Rubio …") or a
 * role noun describing the name ("columnist David Auerbach").
 */
import { PERSON_NOUNS } from './attributionWords';
import type { TextToken } from './textTokens';

/** Lower-case words after which a name opens a clause (its subject), not an object. */
const CLAUSE_OPENERS = new Set([
  'and', 'but', 'or', 'nor', 'yet', 'so', 'then', 'when', 'while', 'whereas', 'as', 'after', 'before', 'because', 'since', 'if',
  'though', 'although', 'unless', 'until', 'once', 'that', 'where', 'also', 'later', 'earlier', 'now', 'meanwhile', 'still',
  'instead', 'however', 'indeed', 'perhaps', 'former', 'sen', 'rep', 'gov', 'mr', 'mrs', 'ms', 'dr',
]);

export function isObjectOfVerb(tokens: readonly TextToken[], at: number): boolean {
  const before = tokens[at - 1];
  if (!before?.word || !/^\p{Ll}/u.test(before.text)) return false;
  // ("Slate columnist David Auerbach went on": a role noun describes the name that follows.)
  return !CLAUSE_OPENERS.has(before.text) && !PERSON_NOUNS.has(before.text);
}
