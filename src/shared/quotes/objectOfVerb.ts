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

/** Common irregular verbs that take a person as object ("gave Greer credit", "told Shaw"). */
const IRREGULAR_VERBS = new Set([
  'give', 'gives', 'gave', 'tell', 'tells', 'told', 'meet', 'meets', 'met', 'hit', 'hits', 'beat', 'beats', 'take', 'takes', 'took',
  'make', 'makes', 'made', 'let', 'lets', 'send', 'sends', 'sent', 'leave', 'leaves', 'left', 'bring', 'brings', 'brought',
  'teach', 'teaches', 'taught', 'see', 'sees', 'saw', 'put', 'puts', 'hold', 'holds', 'held', 'find', 'finds', 'found',
  'keep', 'keeps', 'kept', 'pay', 'pays', 'paid', 'win', 'wins', 'won', 'lose', 'loses', 'lost', 'join', 'joins', 'thank', 'thanks',
  'back', 'backs', 'praise', 'praises', 'blame', 'blames', 'attack', 'attacks', 'call', 'calls', 'ask', 'asks', 'urge', 'urges',
]);

/** Words right after a name that make it the subject of its own clause ("the jobs Perez talks about"). */
const AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'may', 'might', 'should', 'must']);

/**
 * Stricter than isObjectOfVerb, for deciding who a sentence is about: the name from `at` to `to` follows a word that
 * is a verb (a past tense or participle in -ed/-ing, or a common irregular verb) and no verb of its own follows it.
 * "The Ohio Republican gave Greer credit" (Greer is no subject); not "secretary of state Ann Lamb, a …" (a role),
 * "As for Trump, he …" (a preposition) or "the jobs Perez talks about" (Perez has a verb).
 */
export function followsItsVerb(tokens: readonly TextToken[], at: number, to: number): boolean {
  if (!isObjectOfVerb(tokens, at)) return false;
  const verb = tokens[at - 1]!.text;
  if (!(IRREGULAR_VERBS.has(verb) || /^\p{Ll}{3,}(?:ed|ing)$/u.test(verb))) return false;
  const next = tokens[to + 1];
  if (next?.word !== true || !/^\p{Ll}/u.test(next.text)) return true;
  return !(AUXILIARIES.has(next.text) || /^\p{Ll}{2,}(?:s|ed)$/u.test(next.text));
}
