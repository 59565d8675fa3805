import { describe, expect, it } from 'vitest';
import { IN_PROCESS_MAX_ARTICLES, IN_PROCESS_MAX_CHARS, shouldAlignInWorker } from './shouldAlignInWorker';

const articles = (count: number, length: number) => Array.from({ length: count }, () => ({ text: 'x'.repeat(length) }));

describe('shouldAlignInWorker', () => {
  it('keeps a small corpus in-process', () => {
    expect(shouldAlignInWorker(articles(5, 4_000))).toBe(false);
    expect(shouldAlignInWorker(articles(IN_PROCESS_MAX_ARTICLES, 100))).toBe(false);
    expect(shouldAlignInWorker(articles(2, IN_PROCESS_MAX_CHARS / 2))).toBe(false);
  });

  it('sends more than 200 articles or more than 2 million characters to a worker', () => {
    expect(shouldAlignInWorker(articles(IN_PROCESS_MAX_ARTICLES + 1, 10))).toBe(true);
    expect(shouldAlignInWorker(articles(2, IN_PROCESS_MAX_CHARS / 2 + 1))).toBe(true);
  });
});
