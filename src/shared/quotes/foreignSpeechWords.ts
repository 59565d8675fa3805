/**
 * Attribution words of the main European news languages besides English, so
 * that quotes of an event covered in German, French, Spanish or Russian get
 * their speaker too (and Italian, Portuguese, Polish, Czech, Swedish, Danish,
 * Norwegian, Finnish, Hungarian and Dutch for their commonest verbs): speech verbs ("sagte", "a déclaré",
 * "dijo", "заявил", "powiedział", "säger"), prepositions that end a name read
 * after an inverted verb ("dijo Pedro Sánchez en Madrid"),
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
  ergänzte erläuterte mahnte forderte bekräftigte
  dice afferma sottolinea sottolineato spiega aggiunge commenta commentato ribadisce ribadito
  afirmou declarou explicou acrescentou disseram
  powiedział powiedziała powiedzieli mówi stwierdził stwierdziła dodał dodała podkreślił
  podkreśliła zaznaczył zaznaczyła napisał napisała oświadczył oświadczyła ocenił oceniła
  řekl řekla uvedl uvedla dodal dodala napsal napsala prohlásil prohlásila
  säger sade skriver skrev tillägger tillade berättar berättade förklarar förklarade
  sanoi sanoo kertoi kertoo totesi toteaa kirjoitti
  zei zegt verklaarde schreef
  demanda demande répondit répliqua répliqué ajouta lança poursuivit murmura cria s’écria
  félicité félicitée inquiété inquiétée indigné indignée réjoui réjouie exclamé exclamée emporté
  emportée alarmé alarmée
  siger sagde udtaler udtalte sier sa
  mondta mondja közölte nyilatkozta írta
`);

/**
 * Prepositions of those languages that end a name read after an inverted verb: "dijo Pedro Sánchez en Madrid",
 * "a déclaré Emmanuel Macron à Paris", "sagte Scholz im Bundestag", "заявил Песков в Москве".
 */
export const FOREIGN_PREPOSITIONS = set(`
  en à au aux dans lors devant durante ante tras nel nella negli ai alla durante im am vor bei
  gegenüber nach während в во на перед w we podczas na på vid till under v ve při
`);

/** Auxiliaries before a past participle that opens an inverted attribution ("a déclaré X", "s’est félicité X", "ha detto X"). */
export const FOREIGN_AUXILIARIES = set(`a est s’est s'est ont sont ha han hat ist è avait`);

/** "According to" words: first word → second word ('' when it stands alone). */
export const FOREIGN_ACCORDING: ReadonlyMap<string, string> = new Map([
  ['laut', ''],
  ['zufolge', ''],
  ['selon', ''],
  ['según', ''],
  ['secondo', ''],
  ['по', 'словам'],
]);

/** Russian "по его словам" / "по её словам" ("in his/her words"), as its first three words: the pronoun's gender; null otherwise. */
export function russianPossessiveAccording(words: readonly string[]): Gender | null {
  if (words[0] !== 'по' && words[0] !== 'По') return null;
  if (words[2] !== 'словам') return null;
  return words[1] === 'его' ? 'm' : words[1] === 'её' || words[1] === 'ее' ? 'f' : null;
}

/**
 * German "„…“, so Scholz": "so" right after a quote and its comma, before a name or "der"/"die" + noun, is
 * "according to". (Only there: anywhere else "so" is an ordinary word, in English too.)
 */
export function isGermanSo(word: string, next: string | undefined, first: boolean): boolean {
  return first && word === 'so' && next !== undefined && (/^\p{Lu}\p{Ll}/u.test(next) || next === 'der' || next === 'die');
}

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
