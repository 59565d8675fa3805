import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectArticleQuotes } from '../../shared/quotes/detectQuotes';
import { QUOTES_VERSION } from '../../shared/quotes/quotesVersion';
import { QUOTE_CACHE_FILE, QUOTE_CACHE_FORMAT, QuoteCache } from './quoteCache';
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
    expect(JSON.parse(header)).toEqual({ quotesVersion: QUOTES_VERSION + 1, format: QUOTE_CACHE_FORMAT });
  });

  it('detects everything again from a file of the format before excerpts (lines without them)', async () => {
    await fs.mkdir(join(dir, 'derived'));
    const old = TEXTS.map((t) => JSON.stringify({ hash: textHash(t), record: { quotes: [], entities: {} } }));
    await fs.writeFile(join(dir, QUOTE_CACHE_FILE), `${[JSON.stringify({ quotesVersion: QUOTES_VERSION }), ...old].join('\n')}\n`);
    const again = await run();
    expect(again.cache.detected).toBe(3);
    expect(again.quotes[0]).not.toEqual([]);
  });

  it('detects a text again when its line’s excerpts do not fit its quotes (the people index takes the speaker’s words from them)', async () => {
    await run();
    const path = join(dir, QUOTE_CACHE_FILE);
    const [header, ...lines] = (await fs.readFile(path, 'utf8')).trim().split('\n');
    const first = JSON.parse(lines[0]!) as { excerpts: { said: string | null }[] };
    expect(first.excerpts[0]!.said).toBe('Boris Bondarev');
    // Edited by hand: a speaker's words that are not the span's.
    first.excerpts[0]!.said = 'Boris';
    await fs.writeFile(path, `${[header, JSON.stringify(first), ...lines.slice(1)].join('\n')}\n`);
    const again = await run();
    expect(again.cache.detected).toBe(1);
    expect(again.cache.entry(textHash(TEXTS[0]!))!.excerpts[0]!.said).toBe('Boris Bondarev');
  });

  it('keeps, beside each quote, the text its speaker span and evidence point at', async () => {
    const { cache } = await run();
    const entry = cache.entry(textHash(TEXTS[0]!))!;
    const { quote, detail } = entry.record.quotes[0]!;
    expect(entry.excerpts[0]).toEqual({
      said: TEXTS[0]!.slice(quote.speakerSpan!.start, quote.speakerSpan!.end),
      evidence: detail.evidence ? TEXTS[0]!.slice(detail.evidence.start, detail.evidence.end) : null,
    });
    expect(entry.excerpts[0]!.said).toBe('Boris Bondarev');
    // Read back from the file: the same.
    expect((await QuoteCache.open(dir)).entry(textHash(TEXTS[0]!))).toEqual(entry);
  });

  it('keeps appending on a line of its own after a last line cut short without its line break', async () => {
    const cache = await QuoteCache.open(dir);
    cache.quotesOf(textHash(TEXTS[0]!), TEXTS[0]!);
    await cache.flush();
    const path = join(dir, QUOTE_CACHE_FILE);
    await fs.appendFile(path, '{"hash":"cut sho');
    const second = await QuoteCache.open(dir);
    second.quotesOf(textHash(TEXTS[1]!), TEXTS[1]!);
    await second.flush();
    const third = await QuoteCache.open(dir);
    expect(third.size).toBe(2);
    expect(third.entry(textHash(TEXTS[1]!))).toBeDefined();
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

describe('QuoteCache.keepOnly', () => {
  const many = Array.from({ length: 10 }, (_, i) => `“Line ${i} is final,” said Anna Petrova, the minister.`);
  const lines = async () => (await fs.readFile(join(dir, QUOTE_CACHE_FILE), 'utf8')).trim().split('\n').length - 1;

  it('drops the lines of texts no longer in the library once they are a fifth of the file, keeping the others', async () => {
    const cache = await QuoteCache.open(dir);
    for (const t of many) cache.quotesOf(textHash(t), t);
    await cache.flush();
    const reopened = await QuoteCache.open(dir);
    const kept = many.slice(0, 7).map(textHash);
    expect(reopened.keepOnly(kept)).toBe(3);
    await reopened.flush();
    expect(await lines()).toBe(7);
    const after = await QuoteCache.open(dir);
    expect(after.size).toBe(7);
    for (const hash of kept) expect(after.entry(hash)).toEqual(reopened.entry(hash));
    expect(after.entry(textHash(many[9]!))).toBeUndefined();
  });

  it('leaves the file as it is while the dead lines are fewer, but forgets them', async () => {
    const cache = await QuoteCache.open(dir);
    for (const t of many) cache.quotesOf(textHash(t), t);
    await cache.flush();
    const before = await fs.readFile(join(dir, QUOTE_CACHE_FILE), 'utf8');
    const reopened = await QuoteCache.open(dir);
    expect(reopened.keepOnly(many.slice(1).map(textHash))).toBe(1);
    await reopened.flush();
    expect(await fs.readFile(join(dir, QUOTE_CACHE_FILE), 'utf8')).toBe(before);
    expect(reopened.entry(textHash(many[0]!))).toBeUndefined();
    expect(reopened.size).toBe(9);
  });
});
