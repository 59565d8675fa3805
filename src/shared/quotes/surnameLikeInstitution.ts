/**
 * A person whose surname is also a word of news outlets or places
 * ("Michael Bloomberg", "Anita Hill", "George Washington", "Michael J.
 * Fox"): a common given name, then the surname, with no "the" before. Names
 * ending in a word that heads an institution's name ("Virginia Senate",
 * "Hope Street", "Ruth Foundation") stay institutions.
 */
import { genderOfGivenName } from './nameGender';
import type { NameMention } from './parseNameMention';

/** Words that end the name of an institution, an outlet or a place, never a person's. */
const INSTITUTION_HEADS = new Set(`
  News Times Journal Tribune Herald Gazette Magazine Daily Press Network Radio Television TV Ministry Mission
  Federation Office Union Council Court Party Government Parliament Agency Service Group Bank University Institute
  Department Committee Army Navy Police Affairs Republic Kingdom States Street Square Airport Company Corporation Inc
  Ltd Foundation Association Organization Organisation Commission Assembly Senate House Congress Church Club Centre
  Center Forces Guard Embassy Consulate Watch Nations Capital
`.trim().split(/\s+/));

/** The name reads as a given name and a surname, though its surname is an outlet or place word. */
export function isPersonDespiteInstitutionWord(run: NameMention): boolean {
  const { words } = run;
  if (run.definite || words.length < 2 || words.length > 3) return false;
  // "Michael J. Fox": a middle initial only.
  if (words.length === 3 && !/^\p{Lu}\.$/u.test(words[1]!)) return false;
  return genderOfGivenName(words[0]!) !== null && !INSTITUTION_HEADS.has(words[words.length - 1]!);
}
