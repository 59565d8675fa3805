import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEntityIndex, type TypedCredit } from '../../shared/crossArticle/buildEntityIndex';
import { creditedName } from '../../shared/crossArticle/creditedName';
import { DEFAULT_CODEBOOK, type Annotation, type Article } from '../../shared/model/model';
import { recordPeople, toQuotesRecord } from '../../shared/quotes/articleQuotesRecord';
import type { ArticleQuotes } from '../../shared/quotes/buildSpeakerIndex';
import { detectArticleQuotes, detectQuotesWithDetail } from '../../shared/quotes/detectQuotes';
import { QUOTES_VERSION } from '../../shared/quotes/quotesVersion';
import { COUNTS_FILE } from '../store/countsIndex';
import { DataStore } from '../store/dataStore';
import { QUOTE_CACHE_FILE, QuoteCache } from '../store/quoteCache';
import { textHash } from '../store/textHash';
import { readEntityIndex, speakerWordsOnly } from './readEntityIndex';

/** The data files read (texts/ and annotations/, relative to the data folder), in order. */
const filesRead = vi.hoisted(() => ({ paths: [] as string[] }));
vi.mock('../safety/readDataEntry', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../safety/readDataEntry')>();
  return {
    ...actual,
    readDataEntry: (path: string) => {
      filesRead.paths.push(path);
      return actual.readDataEntry(path);
    },
    readDataEntrySync: (path: string) => {
      filesRead.paths.push(path);
      return actual.readDataEntrySync(path);
    },
  };
});

describe('speakerWordsOnly', () => {
  it("keeps each quote's speaker words readable through its moved span, and nothing else of the article", () => {
    const filler = 'The talks went on into the night. '.repeat(200);
    const text = `${filler}“We will not sign,” said Boris Bondarev. ${filler}“Never,” she told Reuters. Anna Petrova added: “It is over.”`;
    const quotes = detectQuotesWithDetail(text);
    const said = quotes.filter((q) => q.quote.speakerSpan).map((q) => text.slice(q.quote.speakerSpan!.start, q.quote.speakerSpan!.end));
    expect(said.length).toBeGreaterThanOrEqual(2);

    const kept = speakerWordsOnly(text, quotes);
    expect(kept.quotes.filter((q) => q.quote.speakerSpan).map((q) => kept.text.slice(q.quote.speakerSpan!.start, q.quote.speakerSpan!.end))).toEqual(said);
    expect(kept.text).toBe(said.join(''));
    expect(kept.text.length).toBeLessThan(text.length / 50);
    // The quotes themselves are unchanged: where they are and what they say.
    expect(kept.quotes.map((q) => [q.quote.start, q.quote.end, q.quote.exact, q.quote.speaker])).toEqual(quotes.map((q) => [q.quote.start, q.quote.end, q.quote.exact, q.quote.speaker]));
  });
});

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-people-'));
  filesRead.paths = [];
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function article(id: string, text: string): Article {
  return { id, title: id, date: null, outlet: null, hash: textHash(text), length: text.length, origin: `${id}.txt`, author: null, url: null, language: null, note: '', text };
}

const TEXTS: Record<string, string> = {
  a: '“We will not sign,” said Boris Bondarev. The talks went on. “Never,” he told Reuters.',
  b: 'Anna Petrova added: “It is over.” The minister was not reached.',
  c: 'A quiet day at the port. “Ships are late,” said the harbour master, Jan Kees.',
};

function annotation(articleId: string, id: string, tagId: string, start: number, end: number, attributes: Annotation['attributes'] = {}): Annotation {
  const stamp = '2024-01-01T00:00:00.000Z';
  return { id, articleId, tagId, start, end, exact: TEXTS[articleId]!.slice(start, end), prefix: '', suffix: '', note: '', attributes, creator: 'ana', created: stamp, modified: stamp };
}

async function openStore(): Promise<DataStore> {
  const store = await DataStore.open(dir, { countsDelayMs: 0 });
  if (!store) throw new Error('no library');
  return store;
}

async function newLibrary(): Promise<DataStore> {
  const store = await DataStore.create(dir, { articles: Object.entries(TEXTS).map(([id, text]) => article(id, text)), codebook: DEFAULT_CODEBOOK, settings: { creator: 'ana' } });
  await store.updateAnnotations('a', () => ({ annotations: [annotation('a', 'a1', 'quote', 1, 17, { speaker: 'Boris Bondarev' }), annotation('a', 'a2', 'claim', 41, 60)], result: null }));
  await store.updateAnnotations('b', () => ({ annotations: [annotation('b', 'b1', 'source', 0, 11, { name: ' The Ministry ' })], result: null }));
  return store;
}

/** The index as it was always made: every text read and detected, every annotation file read. */
async function fromEveryFile(store: DataStore) {
  const articles: ArticleQuotes[] = [];
  const typed: TypedCredit[] = [];
  for (const meta of store.articles()) {
    const text = await store.peekText(meta.id);
    const record = toQuotesRecord(detectArticleQuotes(text));
    articles.push({ article: meta.id, ...speakerWordsOnly(text, record.quotes), people: recordPeople(record) });
    for (const a of store.readAnnotationFileNow(meta.id).annotations) {
      const name = creditedName(a.tagId, a.attributes);
      if (name) typed.push({ article: meta.id, annotationId: a.id, start: a.start, end: a.end, exact: a.exact, name });
    }
  }
  const index = buildEntityIndex(articles, typed, []);
  return { entities: index.entities, credits: index.credits };
}

async function peopleIndex(store: DataStore) {
  const index = await readEntityIndex(store, await QuoteCache.open(dir), []);
  return { entities: index.entities, credits: index.credits };
}

/** Which texts and annotation files were read since the last call. */
function dataFilesRead(): string[] {
  const read = filesRead.paths.map((p) => relative(dir, p)).filter((p) => p.startsWith('texts') || p.startsWith('annotations'));
  filesRead.paths = [];
  return [...new Set(read)].sort();
}

const names = (index: { entities: { name: string; annotations: number }[] }) => index.entities.filter((e) => e.annotations > 0).map((e) => `${e.name} ${e.annotations}`).sort();

describe('readEntityIndex: reads what changed, and only that', () => {
  it('after a restart: no text and no annotation file is read, and the index is the one reading every file gives', async () => {
    const first = await newLibrary();
    const before = await peopleIndex(first);
    await first.close();
    const store = await openStore();
    dataFilesRead();
    const after = await peopleIndex(store);
    expect(dataFilesRead()).toEqual([]);
    expect(after).toEqual(before);
    expect(after).toEqual(await fromEveryFile(store));
    expect(names(after)).toEqual(['Boris Bondarev 1', 'The Ministry 1']);
    await store.close();
  });

  it('right after saves and a delete in the same session: the new names, without reading a text', async () => {
    const store = await newLibrary();
    await peopleIndex(store);
    await store.updateAnnotations('c', (current) => ({ annotations: [...current, annotation('c', 'c1', 'quote', 26, 41, { speaker: 'Jan Kees' })], result: null }));
    await store.updateAnnotations('a', (current) => ({ annotations: current.map((a) => (a.id === 'a1' ? { ...a, attributes: { speaker: 'Anna Petrova' } } : a)), result: null }));
    await store.updateAnnotations('b', () => ({ annotations: [], result: null }));
    dataFilesRead();
    const after = await peopleIndex(store);
    expect(dataFilesRead()).toEqual([]);
    expect(names(after)).toEqual(['Anna Petrova 1', 'Jan Kees 1']);
    expect(after).toEqual(await fromEveryFile(store));
    await store.close();
  });

  it('an annotation file rewritten in place by another program (its folder unchanged): its new names, that file alone read', async () => {
    const first = await newLibrary();
    await peopleIndex(first);
    await first.close();
    const store = await openStore();
    await peopleIndex(store);
    const path = join(dir, 'annotations', 'a.json');
    const file = JSON.parse(await fs.readFile(path, 'utf8')) as { annotations: Annotation[] };
    file.annotations[0]!.attributes = { speaker: 'Someone Else Entirely' };
    const folder = await fs.stat(join(dir, 'annotations'));
    await fs.writeFile(path, JSON.stringify(file, null, 2));
    expect((await fs.stat(join(dir, 'annotations'))).mtimeMs).toBe(folder.mtimeMs);
    dataFilesRead();
    const after = await peopleIndex(store);
    expect(dataFilesRead()).toEqual(['annotations/a.json']);
    expect(names(after)).toEqual(['Someone Else Entirely 1', 'The Ministry 1']);
    expect(after).toEqual(await fromEveryFile(store));
    await store.close();
  });

  it('after a new version of a text moved the annotations: their new offsets, no file read', async () => {
    const store = await newLibrary();
    await peopleIndex(store);
    const text = `Updated. ${TEXTS.a}`;
    await store.addVersion('a', { text, hash: textHash(text), origin: 'a-v2.txt', imported: '2024-02-01T00:00:00.000Z' });
    dataFilesRead();
    const after = await peopleIndex(store);
    // (The new text is in memory since it was stored: detected from there.)
    expect(dataFilesRead()).toEqual([]);
    expect(after.credits.find((c) => c.annotationId === 'a1')).toMatchObject({ start: 10, end: 26, said: 'Boris Bondarev' });
    expect(after).toEqual(await fromEveryFile(store));
    await store.close();
  });

  it('building it leaves no annotation file in the store’s memory (100,000 of them would stay there)', async () => {
    const first = await newLibrary();
    await first.close();
    // No counts.json: every annotation file is read for the index.
    await fs.rm(join(dir, COUNTS_FILE));
    const store = await openStore();
    await peopleIndex(store);
    // (The texts too: no quote cache yet.)
    expect(dataFilesRead().filter((p) => p.startsWith('annotations'))).toEqual(['annotations/a.json', 'annotations/b.json', 'annotations/c.json']);
    // Read again from the file when the article is opened: the index did not keep it.
    expect((await store.annotations('a')).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(dataFilesRead()).toEqual(['annotations/a.json']);
    await store.close();
  });

  it('an older counts.json (no names kept): its articles are read again once, the index as before; the next start reads none', async () => {
    const first = await newLibrary();
    const before = await peopleIndex(first);
    await first.close();
    const counts = await fs.readFile(join(dir, COUNTS_FILE), 'utf8');
    expect(counts).toContain('"credits"');
    await fs.writeFile(join(dir, COUNTS_FILE), counts.replace(/,"credits":\[[^\]]*\]/g, ''));
    let store = await openStore();
    dataFilesRead();
    expect(await peopleIndex(store)).toEqual(before);
    expect(dataFilesRead()).toEqual(['annotations/a.json', 'annotations/b.json']);
    await store.close();
    store = await openStore();
    expect(await peopleIndex(store)).toEqual(before);
    expect(dataFilesRead()).toEqual([]);
    await store.close();
  });

  it('an older quote cache (no excerpts kept): every text is read and detected again, the index as before; then none', async () => {
    const first = await newLibrary();
    const before = await peopleIndex(first);
    await first.close();
    const lines = (await fs.readFile(join(dir, QUOTE_CACHE_FILE), 'utf8')).trim().split('\n');
    const older = [JSON.stringify({ quotesVersion: QUOTES_VERSION, format: 1 }), ...lines.slice(1).map((l) => JSON.stringify({ hash: JSON.parse(l).hash, record: JSON.parse(l).record }))];
    await fs.writeFile(join(dir, QUOTE_CACHE_FILE), `${older.join('\n')}\n`);
    let store = await openStore();
    dataFilesRead();
    expect(await peopleIndex(store)).toEqual(before);
    expect(dataFilesRead()).toEqual(['texts/a.json', 'texts/b.json', 'texts/c.json']);
    await store.close();
    store = await openStore();
    expect(await peopleIndex(store)).toEqual(before);
    expect(dataFilesRead()).toEqual([]);
    await store.close();
  });
});
