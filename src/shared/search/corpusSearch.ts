/**
 * Corpus-wide text search (issue 4): the hit shape `searchCorpus` returns and
 * the folding both the text and the query go through, so a search is
 * case-insensitive and does not care which quote marks, apostrophes or
 * dashes an article uses. Folding keeps every offset: one character in, one
 * character out.
 */
import { z } from 'zod';
import { ArticleIdSchema } from '../model/model';

export const SearchHitSchema = z.object({
  articleId: ArticleIdSchema,
  title: z.string(),
  outlet: z.string().nullable(),
  /** Offsets of the match over the article's canonical text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** Up to ~60 characters of context either side, and the matched text itself. */
  before: z.string(),
  match: z.string(),
  after: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  hits: z.array(SearchHitSchema),
  /** Every hit in the searched articles, also those beyond `limit`. */
  total: z.number().int().nonnegative(),
  /** How many articles hold at least one hit. */
  articles: z.number().int().nonnegative(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\n': ' ',
  '\t': ' ',
};
const FOLD_RE = /[\u2018\u2019\u201a\u201b\u2032\u201c-\u201f\u00ab\u00bb\u2033\u2010-\u2015\u2212\u00a0\n\t]/g;

/** Lower case, one quote mark, one dash, line breaks as spaces; as long as the input. */
export function foldForSearch(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A few characters lower-case into two (İ): keep those as they are, so offsets stay.
    let out = '';
    for (const ch of text) {
      const l = ch.toLowerCase();
      out += l.length === ch.length ? l : ch;
    }
    lower = out;
  }
  return lower.replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

/** The query as searched: folded, trimmed, runs of white space as one space. */
export function foldQuery(query: string): string {
  return foldForSearch(query.trim().replace(/\s+/g, ' '));
}
