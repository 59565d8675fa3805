/**
 * Attribution words of the main European news languages besides English, so
 * that quotes of an event covered in German, French, Spanish or Russian get
 * their speaker too: speech verbs ("sagte", "a déclaré", "dijo", "заявил"),
 * "according to" words ("laut", "selon", "según", "по словам"), third-person
 * pronouns with their gender, and French inverted pronouns ("a-t-il dit",
 * "dit-elle").
 */
import type { Gender } from './nameGender';

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

export const FOREIGN_SPEECH_VERBS = set(`
  sagte sagt sagten erklärte erklärt betonte betont schrieb schreibt meinte meint fügte fragte
  antwortete warnte kritisierte teilte sprach behauptete räumte
  dit déclaré déclare affirmé affirme expliqué explique ajouté ajoute écrit écrivait estimé estime
  souligné souligne répondu répond assuré assure indiqué indique précisé précise confié confie
  lancé lance martelé martèle regretté regrette dénoncé dénonce
  dijo dice afirmó afirma declaró declara explicó explica aseguró asegura señaló señala añadió
  añade escribió escribe indicó indica subrayó subraya advirtió advierte sostuvo sostiene
  disse dichiarato detto spiegato aggiunto scritto affermato
  сказал сказала сказали заявил заявила заявили отметил отметила написал написала сообщил
  сообщила добавил добавила подчеркнул подчеркнула пояснил пояснила ответил ответила говорит
  заявляет
`);

/** "According to" words: first word → second word ('' when it stands alone). */
export const FOREIGN_ACCORDING: ReadonlyMap<string, string> = new Map([
  ['laut', ''],
  ['zufolge', ''],
  ['selon', ''],
  ['según', ''],
  ['secondo', ''],
  ['по', 'словам'],
]);

export const FOREIGN_PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ['er', 'm'],
  ['sie', 'f'],
  ['il', 'm'],
  ['elle', 'f'],
  ['él', 'm'],
  ['ella', 'f'],
  ['lui', 'm'],
  ['lei', 'f'],
  ['он', 'm'],
  ['она', 'f'],
]);

/** French inversion: "a-t-il", "dit-elle", "a-t-elle ajouté" → the pronoun's gender; null when the token is none. */
export function invertedFrenchPronoun(token: string): Gender | null {
  const m = /-(?:t-)?(il|elle)$/u.exec(token);
  if (!m) return null;
  return m[1] === 'il' ? 'm' : 'f';
}

/** "dit-il", "déclare-t-elle": a speech verb with its pronoun attached. */
export function isInvertedFrenchCue(token: string): boolean {
  const m = /^(\p{L}+)-(?:t-)?(?:il|elle)$/u.exec(token);
  return m !== null && m[1] !== 'a' && FOREIGN_SPEECH_VERBS.has(m[1]!);
}
