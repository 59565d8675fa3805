/**
 * Reads a name as news writes it, from a run of tokens: titles and
 * honorifics ("Rep.", "Sen.", "Dr.", "Secretary of State", "President"),
 * given names with middle initials ("Ronald R. Fieldstone"), particles and
 * prefixed surnames ("Ursula von der Leyen", "Bashar al-Assad"), suffixes
 * ("Jr.", "III") and a party-and-state tag after it ("Jason Chaffetz
 * (R-Utah)"). Acronyms ("CNN", "ACU") count as names of organisations.
 *
 * `nameStartingAt` reads forward from a token ("said Sen. Bob Casey Jr. …"),
 * `nameEndingAt` backward from one ("… Rep. Louis Gohmert (R-Texas) said").
 * Both give the name words without titles, the surname (last non-initial
 * word), the titles and the token range the mention covers (titles and tag
 * included), or null when the tokens there are no name.
 */
import { CAPITALISED_STOP_WORDS, INSTITUTION_WORDS, MONTHS_AND_DAYS, OUTLET_WORDS, TITLES } from './attributionWords';
import { isGermanRole } from './foreignRoleNouns';
import { isCapitalised, withoutPossessive, type TextToken } from './textTokens';

export interface NameMention {
  /** First and last token of the mention (titles and a party tag included). */
  from: number;
  to: number;
  /** The name without titles: ["Ronald", "R.", "Fieldstone"]. */
  words: string[];
  /** The last name word that is not an initial: "Fieldstone". */
  surname: string;
  /** Titles before the name, without their full stop: ["Sen"]. */
  titles: string[];
  /** "the"/"The" came right before it: an institution, outlet or the like ("the Times"). */
  definite: boolean;
  /** The name ends in a possessive ("Bondarev’s"). */
  possessive: boolean;
}

/** Particles inside a name: "van Gogh", "de la Cruz", "bin Salman". */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'abu', 'y']);
/**
 * Particles that go on a name only after another ("van der Sar", "von der Leyen"): alone after a name, "der" is
 * the German article of the next noun ("sagte Hans Weber der Polizei": Weber told the police).
 */
const NOT_FIRST_PARTICLES = new Set(['der']);
const SUFFIXES = new Set(['Jr', 'Sr', 'II', 'III', 'IV']);
/** Titles of more than one word ("Secretary of State"): title → words that may follow it through "of". */
const OF_TITLES = new Set(['Secretary', 'Minister', 'Speaker', 'Director', 'Chairman', 'Chairwoman', 'Chief', 'Governor', 'Mayor', 'President', 'Attorney']);

/**
 * Words of the department a title of several words names ("Secretary of Homeland Security", "Minister of Foreign
 * Affairs", "Director of National Intelligence"): they belong to the title, not to the name after it.
 */
const DEPARTMENT_WORDS = new Set(['State', 'Defense', 'Defence', 'Homeland', 'Security', 'Health', 'Human', 'Services', 'Education', 'Energy', 'Labor', 'Labour', 'Commerce', 'Treasury', 'Transportation', 'Transport', 'Agriculture', 'Interior', 'Justice', 'Veterans', 'Affairs', 'Housing', 'Urban', 'Development', 'Foreign', 'Home', 'National', 'Intelligence', 'Finance', 'Economy', 'Culture', 'War', 'Staff', 'Trade', 'Environment', 'Immigration', 'the', 'Navy', 'Army', 'Air', 'Force', 'Central', 'Investigation']);

const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’']);

/** Capitalised function words that end a name read forward ("Ted Cruz Is A …", "CNN President On Trump"). */
const NAME_ENDERS = new Set(['Is', 'Was', 'Are', 'Were', 'Has', 'Have', 'Had', 'Will', 'Would', 'Can', 'Could', 'Should', 'Does', 'Did', 'On', 'In', 'At', 'To', 'For', 'With', 'By', 'From', 'Of', 'And', 'Or', 'But', 'A', 'An', 'The', 'As', 'Says', 'Said', 'Against', 'Over', 'About', 'After', 'Before', 'Into', 'Amid', 'Despite', 'Calls', 'Slams', 'Blasts', 'Urges', 'Warns']);

/** Institution words whose name goes on with "of …" ("Board of Elections", "University of Richmond"). */
const OF_INSTITUTIONS = new Set(['Board', 'Department', 'University', 'Bank', 'Council', 'Court', 'Office', 'Ministry', 'Institute', 'College', 'Commission', 'Committee', 'Chamber', 'Bureau', 'League', 'Association', 'Federation', 'Union', 'Academy', 'Church', 'Party', 'Secretary']);

/** The titles, with and without their full stop. */
const TITLE_FORMS = new Set([...TITLES].flatMap((t) => [t, t.replace(/\.$/, '')]));

export function isTitle(word: string): boolean {
  // ("Bundeskanzlerin Angela Merkel", "Außenminister Jonas Keller": a German role is a title too.)
  return TITLE_FORMS.has(word) || isGermanRole(word);
}

/** "CNN", "ACU", "NAACP": two to six capitals (digits allowed after the first). */
export function isAcronym(word: string): boolean {
  // Most words are plain ASCII: read those without the regular expression (called for every capitalised word).
  const n = word.length;
  if (n < 2) return false;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return ACRONYM.test(word);
    if (c >= 65 && c <= 90) continue;
    if (i === 0 || !((c >= 48 && c <= 57) || c === 38)) return false;
  }
  return n <= 6;
}

const ACRONYM = /^\p{Lu}[\p{Lu}\d&]{1,5}$/u;

/** A capitalised word or a prefixed surname ("al-Assad", "d’Estaing", "O’Malley"). */
function isNameWord(word: string): boolean {
  return isCapitalised(word) || /^(?:al|el|d|de|da|ad|as|ash|an)[-’']\p{Lu}/u.test(word);
}

/** A name word follows the title at `k` (after its full stop). */
function nameFollows(tokens: readonly TextToken[], k: number): boolean {
  const next = tokens[k + 1]?.text === '.' ? tokens[k + 2] : tokens[k + 1];
  return next !== undefined && next.word && isNameWord(next.text);
}

/** Particles from token `k` on ("der", "von der") are followed by a name word. */
function particlesThenName(tokens: readonly TextToken[], k: number): boolean {
  if (NOT_FIRST_PARTICLES.has(tokens[k]?.text ?? '') && !PARTICLES.has(tokens[k - 1]?.text ?? '')) return false;
  let j = k;
  while (j < k + 3 && tokens[j]?.word && PARTICLES.has(tokens[j]!.text)) j++;
  return j > k && tokens[j]?.word === true && isNameWord(tokens[j]!.text);
}

/** Particles up to token `i` ("von der") come right after a name word. */
function nameBeforeParticles(tokens: readonly TextToken[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && j > i - 3 && tokens[j]!.word && PARTICLES.has(tokens[j]!.text)) j--;
  if (NOT_FIRST_PARTICLES.has(tokens[j + 1]?.text ?? '')) return false;
  return j >= 0 && tokens[j]!.word && isNameWord(tokens[j]!.text);
}

function isInitial(tokens: readonly TextToken[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && t.word && /^\p{Lu}$/u.test(t.text) && tokens[i + 1]?.text === '.';
}

/** Token after a party-and-state tag that starts at `i` ("(R-Utah)", "(D-N.C.)"), or `i` when there is none. */
function afterPartyTag(tokens: readonly TextToken[], i: number): number {
  if (tokens[i]?.text !== '(' || !/^[RDI]-\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) return i;
  for (let k = i + 2; k < Math.min(tokens.length, i + 10); k++) if (tokens[k]!.text === ')') return k + 1;
  return i;
}

export function nameStartingAt(tokens: readonly TextToken[], first: number): NameMention | null {
  const titles: string[] = [];
  const words: string[] = [];
  let k = first;
  let last = first - 1;
  let possessive = false;
  for (;;) {
    const t = tokens[k];
    // Juan "Chico" Manriquez: a nickname in quotes between given name and surname.
    if (t !== undefined && words.length === 1 && QUOTE_MARKS.has(t.text) && tokens[k + 1]?.word && isCapitalised(tokens[k + 1]!.text) && QUOTE_MARKS.has(tokens[k + 2]?.text ?? '') && tokens[k + 3]?.word && isNameWord(tokens[k + 3]!.text)) {
      k += 3;
      continue;
    }
    if (!t?.word || (k > first && t.newlineBefore)) break;
    const titleAhead = isTitle(t.text) && (words.length === 0 || nameFollows(tokens, k));
    if (titleAhead) {
      // "Texas Sen. Ted Cruz", "Vice President Joe Biden": the name follows the last title.
      words.length = 0;
      // "Vice President Joe Biden" is no "president".
      titles.push(tokens[k - 1]?.text === 'Vice' ? `Vice ${t.text}` : t.text.replace(/\.$/, ''));
      last = k;
      k++;
      if (tokens[k]?.text === '.') last = k++;
      // "Secretary of State John Kerry"
      if (OF_TITLES.has(t.text) && tokens[k]?.text === 'of' && tokens[k + 1]?.word && isCapitalised(tokens[k + 1]!.text)) {
        // ("Secretary of Homeland Security Ann Lee": the department's words, as long as a name still follows.)
        let end = k + 1;
        while (DEPARTMENT_WORDS.has(tokens[end]!.text) && tokens[end + 1]?.word && DEPARTMENT_WORDS.has(tokens[end + 1]!.text) && tokens[end + 2]?.word && isNameWord(tokens[end + 2]!.text)) end++;
        const after = tokens[end + 1];
        if (after?.word && isNameWord(after.text)) {
          last = end;
          k = end + 1;
        }
      }
      continue;
    }
    if (isInitial(tokens, k) && words.length > 0 && tokens[k + 2]?.word && isNameWord(tokens[k + 2]!.text)) {
      words.push(`${t.text}.`);
      last = k + 1;
      k += 2;
      continue;
    }
    if (words.length > 0 && SUFFIXES.has(t.text)) {
      last = k;
      k++;
      if (tokens[k]?.text === '.') last = k++;
      break;
    }
    // "Ted Cruz Is A …" (a headline): a capitalised function word ends the name.
    if (words.length > 0 && NAME_ENDERS.has(t.text)) break;
    // "заявил Дмитрий Песков ТАСС", "said Ann Lee CNN": an agency's acronym after a person's name is no part of it.
    if (words.length > 0 && isAcronym(t.text) && OUTLET_WORDS.has(t.text) && !words.every((w) => isAcronym(w))) break;
    if (isNameWord(t.text) || isAcronym(t.text)) {
      words.push(withoutPossessive(t.text));
      last = k;
      k++;
      if (withoutPossessive(t.text) !== t.text) {
        possessive = true;
        break;
      }
      continue;
    }
    // "Illinois Board of Elections", "Department of Justice": an institution's name goes on through "of".
    if (t.text === 'of' && words.length > 0 && OF_INSTITUTIONS.has(words[words.length - 1]!) && tokens[k + 1]?.word && isCapitalised(tokens[k + 1]!.text) && !CAPITALISED_STOP_WORDS.has(tokens[k + 1]!.text)) {
      words.push('of');
      k++;
      continue;
    }
    if (words.length > 0 && PARTICLES.has(t.text) && particlesThenName(tokens, k)) {
      words.push(t.text);
      k++;
      continue;
    }
    break;
  }
  if (!possessive) last = afterPartyTag(tokens, last + 1) - 1;
  return mention(tokens, first, last, words, titles, possessive);
}

export function nameEndingAt(tokens: readonly TextToken[], lastToken: number): NameMention | null {
  let k = lastToken;
  // "(R-Utah)" after the name.
  if (tokens[k]?.text === ')') {
    let open = k - 1;
    while (open >= 0 && open > k - 10 && tokens[open]!.text !== '(') open--;
    if (open >= 0 && tokens[open]!.text === '(' && afterPartyTag(tokens, open) === k + 1) k = open - 1;
  }
  if (tokens[k]?.text === '.' && SUFFIXES.has(tokens[k - 1]?.text ?? '')) k -= 2;
  else if (SUFFIXES.has(tokens[k]?.text ?? '')) k -= 1;
  // Walk back over name words, initials, particles and titles.
  let from = k + 1;
  for (let i = k; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.word && (isNameWord(t.text) || isAcronym(t.text) || isTitle(t.text) || (i < k && isInitial(tokens, i)))) {
      if (i < k && /[’']s$/.test(t.text)) break; // "Clinton’s top aide Jake Sullivan": the possessive is not part of it
      from = i;
      if (t.newlineBefore) break;
      continue;
    }
    if (t.text === '.' && i > 0 && i < k) {
      const w = tokens[i - 1]!;
      if (w.word && (/^\p{Lu}$/u.test(w.text) || isTitle(w.text))) continue;
    }
    // ("Ursula von der Leyen", "Rafael van der Vaart": particles may come two at a time.)
    if (t.word && PARTICLES.has(t.text) && i < k && i > 0 && nameBeforeParticles(tokens, i)) continue;
    if (t.word && t.text === 'of' && i > 0 && OF_TITLES.has(tokens[i - 1]!.text) && i < k) continue;
    break;
  }
  if (from > k) return null;
  const titles: string[] = [];
  const words: string[] = [];
  let i = from;
  // Sentence-initial words and titles come first.
  while (i <= k) {
    const t = tokens[i]!;
    if (!t.word || t.text === 'of') {
      // "Secretary of State John Kerry": the department after a title's "of" is part of the title.
      if (t.text === 'of' && titles.length > 0 && words.length === 0) {
        while (i + 1 <= k && tokens[i + 1]!.word && DEPARTMENT_WORDS.has(tokens[i + 1]!.text) && k - (i + 1) >= 1) i++;
      }
      i++;
      continue;
    }
    if (isTitle(t.text) && i === k && words.length > 0 && tokens[i + 1]?.text !== '.') {
      // A title word last is a surname: "Peter T. King", "Anna General".
      words.push(withoutPossessive(t.text));
    } else if (isTitle(t.text) && words.length === 0) {
      titles.push(t.text.replace(/\.$/, ''));
    } else if (words.length === 0 && CAPITALISED_STOP_WORDS.has(t.text) && !isTitle(t.text)) {
      // "In", "The", "Former": not part of the name
    } else if (isTitle(t.text) && (words.every((w) => !isAcronym(w)) || k - i >= 2)) {
      // ("NATO Secretary General Mark Rutte": after an acronym too, when a name of two words follows.)
      // A title after other words ("Texas Rep. Louis Gohmert", "Trump senior adviser"): the name follows it.
      titles.push(t.text.replace(/\.$/, ''));
      words.length = 0;
    } else if (isInitial(tokens, i)) {
      words.push(`${t.text}.`);
    } else {
      words.push(withoutPossessive(t.text));
    }
    i++;
  }
  const possessive = /[’']s$/.test(tokens[k]?.text ?? '');
  let start = from;
  while (start <= k && tokens[start]!.word && CAPITALISED_STOP_WORDS.has(tokens[start]!.text) && !isTitle(tokens[start]!.text)) start++;
  return mention(tokens, start, lastToken, words, titles, possessive);
}

function mention(tokens: readonly TextToken[], from: number, to: number, words: string[], titles: string[], possessive: boolean): NameMention | null {
  while (words.length > 0 && CAPITALISED_STOP_WORDS.has(words[0]!)) words.shift();
  // "said Trump Tuesday": the day is not part of the name.
  while (words.length > 1 && MONTHS_AND_DAYS.has(words[words.length - 1]!) && tokens[to]?.text === words[words.length - 1]) {
    words.pop();
    to--;
  }
  const surname = [...words].reverse().find((w) => !/^\p{Lu}\.$/u.test(w) && !PARTICLES.has(w));
  if (!surname || from > to) return null;
  if (words.length === 1 && (MONTHS_AND_DAYS.has(surname) || CAPITALISED_STOP_WORDS.has(surname))) return null;
  const before = tokens[from - 1];
  // ("The Pentagon said": a sentence's opening "The" read as part of the run is the article too.)
  const opening = tokens[from]?.text === 'The' && words[0] !== 'The';
  const definite = opening || (before?.word === true && (before.text === 'the' || before.text === 'The'));
  return { from, to, words, surname, titles, definite, possessive };
}

/** The mention reads as an institution, outlet or place rather than a person. */
export function looksInstitutional(m: NameMention): boolean {
  if (m.definite) return true;
  if (m.words.length === 1 && isAcronym(m.words[0]!)) return true;
  return m.words.some((w) => INSTITUTION_WORDS.has(w));
}
