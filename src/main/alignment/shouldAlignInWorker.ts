/**
 * Whether an alignment is big enough to run in a worker thread: more than
 * 200 articles or more than 2 million characters of text. Smaller ones run
 * in-process (a worker costs its start-up time and a copy of the texts).
 */
export const IN_PROCESS_MAX_ARTICLES = 200;
export const IN_PROCESS_MAX_CHARS = 2_000_000;

export function shouldAlignInWorker(articles: readonly { text: string }[]): boolean {
  if (articles.length > IN_PROCESS_MAX_ARTICLES) return true;
  let chars = 0;
  for (const a of articles) {
    chars += a.text.length;
    if (chars > IN_PROCESS_MAX_CHARS) return true;
  }
  return false;
}
