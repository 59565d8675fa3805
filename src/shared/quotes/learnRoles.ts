/**
 * The role an article gives a person where it names them — in apposition
 * ("Tom Hale, the company's spokesman," / "Ann Lamb, 54, a spokeswoman for
 * the agency,") or as a noun right before the name ("spokesman Tom Hale") —
 * so that a later "the spokesman said" refers to that person rather than to
 * whoever was named last.
 */
import { PERSON_NOUNS } from './attributionWords';
import { isPossessive, type TextToken } from './textTokens';

/**
 * Whether a description ("the Senate Democratic leader": noun leader, qualifiers [Senate, Democratic]) fits a role
 * the person was given: the same noun, and every capitalised word of the description among the role's.
 */
export function roleFits(roles: readonly Role[] | undefined, noun: string, qualifiers: readonly string[]): boolean {
  return roles?.some((r) => r.noun === noun && qualifiers.every((q) => r.qualifiers.includes(q))) ?? false;
}

/** Most words an apposition may hold before its role noun. */
const APPOSITION_WORDS = 6;
/** Words that end the part of an apposition that can hold its role ("a spokeswoman for the agency"). */
const ROLE_ENDS = new Set(['for', 'of', 'at', 'in', 'to', 'with', 'from', 'who', 'which', 'on', 'and', 'since', 'under']);

/** Words that open a description given before a name ("the Vermont senator, Ann Lamb"). */
const LEADING_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/** A role: its noun and the capitalised words that qualify it ("a former NAACP leader" → leader, [NAACP]). */
export interface Role {
  noun: string;
  qualifiers: string[];
}

/** The roles given to the name from token `from` to `to`. */
export function rolesOfMention(tokens: readonly TextToken[], from: number, to: number): Role[] {
  const roles: Role[] = [];
  // "spokesman Tom Hale", "company spokeswoman Ann Lamb"
  const before = tokens[from - 1];
  if (before?.word && PERSON_NOUNS.has(before.text)) roles.push({ noun: before.text, qualifiers: [] });
  // "The Vermont senator, Ann Lamb, …", "the company's spokesman, Tom Hale,": the description before the name.
  const before2 = tokens[from - 2];
  if (before?.text === ',' && before2?.word && PERSON_NOUNS.has(before2.text)) {
    const qualifiers: string[] = [];
    for (let k = from - 3, words = 0; k >= 0 && tokens[k]!.word && words <= APPOSITION_WORDS; k--, words++) {
      const word = tokens[k]!.text;
      if (LEADING_DETERMINERS.has(word.toLowerCase()) || isPossessive(word)) {
        roles.push({ noun: before2.text, qualifiers });
        break;
      }
      if (/^\p{Lu}/u.test(word)) qualifiers.unshift(word);
    }
  }
  // "Tom Hale, 54, a retired teacher", "Ann Lamb, the company's spokeswoman,"
  let k = to + 1;
  for (let chunk = 0; chunk < 2 && tokens[k]?.text === ','; chunk++) {
    k++;
    // An age or similar number in its own chunk ("Tom Hale, 54, …").
    if (tokens[k] && /^\d+$/.test(tokens[k]!.text) && tokens[k + 1]?.text === ',') {
      k++;
      continue;
    }
    const first = tokens[k];
    if (!first?.word || !(/^(?:a|an|the)$/i.test(first.text) || isPossessive(first.text))) break;
    let head: string | null = null;
    const qualifiers: string[] = [];
    for (let words = 0; tokens[k]?.word && words <= APPOSITION_WORDS && !ROLE_ENDS.has(tokens[k]!.text); k++, words++) {
      const word = tokens[k]!.text;
      if (PERSON_NOUNS.has(word)) head = word;
      else if (/^\p{Lu}/u.test(word) && words > 0) qualifiers.push(word.replace(/['’]s$/u, ''));
    }
    if (head) roles.push({ noun: head, qualifiers });
    break;
  }
  return roles;
}
