/**
 * Role nouns of the other European news languages, so that their descriptions read like English ones: "die
 * Ministerin erklärte" and "le porte-parole a indiqué" are resolved to the person the article named (like "the
 * minister said"), "ein Sprecher des Ministeriums" is an unnamed source (like "a spokesman"), and a German
 * compound before a name is its title ("Bundeskanzlerin Angela Merkel", "Außenministerin Anna Berg"). German
 * writes these nouns with a capital, so without this list "Ministerin" or "Ministeriums" would read as a name.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Lower-case forms of person nouns ("the minister", "the spokesman") in German, French, Spanish, Italian, Russian, Polish, Swedish. */
export const FOREIGN_PERSON_NOUNS = set(`
  ministerin kanzler kanzlerin sprecher sprecherin präsident präsidentin bürgermeister bürgermeisterin
  vorsitzende vorsitzender abgeordnete abgeordneter politiker politikerin chefin regierungschef
  regierungschefin botschafter botschafterin
  ministre porte-parole président présidente député députée maire sénateur sénatrice ambassadeur
  ministro ministra portavoz presidenta alcalde alcaldesa diputado diputada embajador
  portavoce sindaco sindaca deputato deputata ambasciatore
  министр президент представитель пресс-секретарь спикер депутат посол
  rzecznik rzeczniczka prezydent posłanka poseł ambasador
  talesperson statsminister
`);

/** German compounds that end in a role: "Bundeskanzlerin", "Außenminister", "Regierungssprecher", "Ministerpräsident". */
const GERMAN_ROLE_END = /^\p{Lu}\p{Ll}*(?:minister|ministerin|kanzler|kanzlerin|präsident|präsidentin|sprecher|sprecherin|bürgermeister|bürgermeisterin|kommissar|kommissarin|chefin|vorsitzende|vorsitzender|forscher|forscherin|experte|expertin|wissenschaftler|wissenschaftlerin|ökonom|ökonomin|politiker|politikerin|anwalt|anwältin|direktor|direktorin|leiter|leiterin|kandidat|kandidatin)$/u;
/** The plain German roles, capitalised ("Minister" is an English title already). */
const GERMAN_ROLES = set('Kanzler Kanzlerin Ministerin Sprecher Sprecherin Präsident Präsidentin Bürgermeister Bürgermeisterin Kommissar Kommissarin Chefin Politiker Politikerin Forscher Forscherin Experte Expertin Anwalt Anwältin Direktor Direktorin Kandidat Kandidatin');

/** A German role noun, alone or in a compound: it is a title before a name, never a name itself. */
export function isGermanRole(word: string): boolean {
  return GERMAN_ROLES.has(word) || (word.length > 9 && GERMAN_ROLE_END.test(word));
}

/** Indefinite articles that leave the person unnamed ("ein Sprecher", "un porte-parole", "una portavoz"). */
export const FOREIGN_INDEFINITES = set('ein eine einer un une una uno');

/** A capitalised word that reads as a role of one of these languages ("Ministerin", "Außenminister"), not as a name. */
export function isForeignRoleWord(word: string): boolean {
  return isGermanRole(word) || FOREIGN_PERSON_NOUNS.has(word.toLowerCase());
}
