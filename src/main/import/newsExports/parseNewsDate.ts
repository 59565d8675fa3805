/**
 * A date as news databases print it ("January 5, 2020 Sunday",
 * "Sunday, January 5, 2020", "5 January 2020", "05.01.2020", "2020-01-05",
 * also German, French and Spanish month names) as `YYYY-MM-DD`; null when the
 * line is not a date.
 */
const MONTHS: Record<string, number> = {};
const NAMES = [
  ['january', 'jan', 'januar', 'janvier', 'enero', 'jänner'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'febrero'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo'],
  ['april', 'apr', 'avril', 'abril'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juni', 'juin', 'junio'],
  ['july', 'jul', 'juli', 'juillet', 'julio'],
  ['august', 'aug', 'août', 'aout', 'agosto'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'décembre', 'decembre', 'diciembre'],
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b,?/gi;

export function parseNewsDate(line: string): string | null {
  const s = line.replace(WEEKDAY, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  if (s.length > 60) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!);
  // "january 5, 2020" (time or edition after it allowed)
  m = /^(\p{L}+)\.? (\d{1,2}),? (\d{4})\b/u.exec(s);
  if (m && MONTHS[m[1]!]) return valid(+m[3]!, MONTHS[m[1]!]!, +m[2]!);
  // "5 january 2020", "5. januar 2020", "5 de enero de 2020"
  m = /^(\d{1,2})\.? (?:de )?(\p{L}+)\.? (?:de )?(\d{4})\b/u.exec(s);
  if (m && MONTHS[m[2]!]) return valid(+m[3]!, MONTHS[m[2]!]!, +m[1]!);
  return null;
}

function valid(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
