/**
 * The version of quote detection's results. Raise it with any change to
 * quotes/ that changes what detectArticleQuotes finds for some text (spans,
 * speakers, cues, detail): results cached per article hash under another
 * version are detected again (see articleQuotesRecord).
 */
export const QUOTES_VERSION = 10;
