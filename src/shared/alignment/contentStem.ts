/**
 * The stem a word is compared by when matching paraphrased quotes, or null
 * for a function word that says nothing about content ("the", "have", "so").
 * Stemming is deliberately light: a possessive "'s" and a plural "s" go
 * ("years" → "year", "russia's" → "russia"); "ss" words and short words stay.
 */

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most
  my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves also us may might must shall upon s t don't i'm it's
  he's she's that's there's we're they're i've we've they've isn't wasn't aren't weren't`.split(/\s+/),
);

export function contentStem(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  let stem = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  return stem.length > 0 && !STOP_WORDS.has(stem) ? stem : null;
}
