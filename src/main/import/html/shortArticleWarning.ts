/**
 * Never a silent loss: an article found in a page is implausibly short when
 * it has under 200 characters, or under 25 % of the page's visible text and
 * under 500 characters. Then the import says so ("only 9 characters of
 * article text found … — imported anyway") and offers the whole page text.
 */

/** Under this many characters an article is always too short. */
export const MIN_ARTICLE_CHARS = 200;
/** Under this many characters and this share of the page's text, too short as well. */
export const SHORT_ARTICLE_CHARS = 500;
export const SHORT_ARTICLE_SHARE = 0.25;

/** What the report says of an article this short for its page, or null when it is plausible. */
export function shortArticleWarning(articleChars: number, pageChars: number): string | null {
  const tooShort =
    articleChars < MIN_ARTICLE_CHARS || (articleChars < SHORT_ARTICLE_CHARS && articleChars < pageChars * SHORT_ARTICLE_SHARE);
  if (!tooShort) return null;
  const n = `${articleChars.toLocaleString('en-US')} character${articleChars === 1 ? '' : 's'}`;
  if (pageChars <= articleChars) return `only ${n} of text found in the whole page — imported anyway`;
  return `only ${n} of article text found (the page shows ${pageChars.toLocaleString('en-US')}) — imported anyway; import the whole page text instead if the article is missing`;
}
