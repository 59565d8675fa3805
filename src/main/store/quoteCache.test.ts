import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectArticleQuotes } from '../../shared/quotes/detectQuotes';
import { QUOTES_VERSION } from '../../shared/quotes/quotesVersion';
import { QUOTE_CACHE_FILE, QuoteCache } from './quoteCache';
import { textHash } from './textHash';

const TEXTS = [
  '“We will not leave,” said Boris Bondarev, a former diplomat. Mr Bondarev resigned in May.',
  'The minister told reporters: “The budget is final.” She left soon after.',
  'Nobody said anything quotable today.',
];

let dir = '';
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-quotecache-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(version = QUOTES_VERSION): Promise<{ cache: QuoteCache; quotes: unknown[] }> {
  const cache = await QuoteCache.open(dir, version);
  const quotes = TEXTS.map((t) => cache.quotesOf(textHash(t), t).quotes);
  await cache.flush();
  return { cache, quotes };
}

describe('QuoteCache', () => {
  it('detects each text once: a second run reads the same results from derived/quotes.jsonl', async () => {
    const first = await run();
    expect(first.cache.detected).toBe(3);
    expect(first.quotes).toEqual(TEXTS.map((t) => JSON.parse(JSON.stringify(detectArticleQuotes(t).quotes))));
    const second = await run();
    expect(second.cache.detected).toBe(0);
    expect(second.quotes).toEqual(first.quotes);
  });

  it('detects everything again under another version of the quotes module', async () => {
    await run();
    const other = await run(QUOTES_VERSION + 1);
    expect(other.cache.detected).toBe(3);
    const header = (await fs.readFile(join(dir, QUOTE_CACHE_FILE), 'utf8')).split('\n')[0]!;
    expect(JSON.parse(header)).toEqual({ quotesVersion: QUOTES_VERSION + 1 });
  });

  it('detects again only the article whose line was cut short, and keeps appending after it', async () => {
    await run();
    const path = join(dir, QUOTE_CACHE_FILE);
    const raw = await fs.readFile(path, 'utf8');
    await fs.writeFile(path, raw.slice(0, raw.length - 20));
    const again = await run();
    expect(again.cache.detected).toBe(1);
    expect((await run()).cache.detected).toBe(0);
  });

  it('starts afresh from a file that is not a cache at all', async () => {
    await fs.mkdir(join(dir, 'derived'));
    await fs.writeFile(join(dir, QUOTE_CACHE_FILE), '\u0000\u0001 not json');
    expect((await run()).cache.detected).toBe(3);
    expect((await run()).cache.detected).toBe(0);
  });
});
