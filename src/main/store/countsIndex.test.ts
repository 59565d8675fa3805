/**
 * The counts side index (counts.json): counts come from it without reading
 * annotation files; a stale entry (crash between the annotation file and
 * counts.json) or a missing one is counted again, alone; a missing or corrupt
 * counts.json is rebuilt, the corrupt one kept in quarantine/.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CODEBOOK, type Annotation, type Article } from '../../shared/model/model';
import { COUNTS_FILE, CountsIndex, type CoderCounts, type Recount, type Tally, type TagCounts } from './countsIndex';
import { DataStore } from './dataStore';
import { textHash } from './textHash';
import { writeFileAtomic } from './writeFileAtomic';

/** The annotation files looked at one by one with statSync (a start's full check), as paths. */
const statted = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    statSync: ((path: string, options?: object) => {
      if (String(path).endsWith('.json')) statted.push(String(path));
      return real.statSync(path, options as never);
    }) as typeof real.statSync,
  };
});

let dir: string;
beforeEach(async () => {
  statted.length = 0;
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-counts-'));
  await fs.mkdir(join(dir, 'annotations'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const IDS = ['a', 'b', 'c'];
const annotationPath = (id: string) => join(dir, 'annotations', `${id}.json`);

/** An annotation "file" for these tests: one "tag" or "tag/coder" per annotation (the coder "ana" when not said). */
async function writeTags(id: string, tags: string[]): Promise<void> {
  await writeFileAtomic(annotationPath(id), JSON.stringify(tags));
}

/** Counts by reading the test's annotation file, and remembers which articles it read. */
function counter(index: () => CountsIndex): { recount: Recount; read: string[] } {
  const read: string[] = [];
  const recount: Recount = async (id) => {
    read.push(id);
    const file = await index().signature(id);
    let tags: string[] = [];
    try {
      tags = JSON.parse(await fs.readFile(annotationPath(id), 'utf8')) as string[];
    } catch {
      // no file: no annotations
    }
    return { file, ...tallyOf(tags) };
  };
  return { recount, read };
}

function tallyOf(tags: readonly string[]): Tally {
  const counts: TagCounts = {};
  const coders: CoderCounts = {};
  for (const t of tags) {
    const [tag, coder = 'ana'] = t.split('/') as [string, string?];
    counts[tag] = (counts[tag] ?? 0) + 1;
    coders[coder] = (coders[coder] ?? 0) + 1;
  }
  return { counts, coders, credits: [] };
}

function open(notices: string[] = []): { index: CountsIndex; read: string[]; counts: () => Promise<Map<string, TagCounts>> } {
  const index: CountsIndex = new CountsIndex(dir, {
    annotationPath,
    delayMs: 10_000,
    onQuarantine: (movedTo, problem) => notices.push(`${problem} → ${movedTo}`),
  });
  const { recount, read } = counter(() => index);
  return { index, read, counts: () => index.counts(IDS, recount) };
}

async function library(): Promise<void> {
  await writeTags('a', ['quote', 'quote', 'claim']);
  await writeTags('b', ['source']);
  // c has no annotation file yet
  const first = open();
  await first.counts();
  await first.index.flush();
}

const EXPECTED = new Map<string, TagCounts>([
  ['a', { quote: 2, claim: 1 }],
  ['b', { source: 1 }],
  ['c', {}],
]);

describe('CountsIndex', () => {
  it('counts every article once when there is no counts.json, then writes it', async () => {
    const { index, read, counts } = open();
    expect(await counts()).toEqual(new Map([['a', {}], ['b', {}], ['c', {}]]));
    expect(read.sort()).toEqual(IDS);
    await index.flush();
    const file = JSON.parse(await fs.readFile(join(dir, COUNTS_FILE), 'utf8')) as { articles: Record<string, unknown> };
    expect(Object.keys(file.articles).sort()).toEqual(IDS);
  });

  it('a fresh counts.json: the next start reads no annotation file', async () => {
    await library();
    const next = open();
    expect(await next.counts()).toEqual(EXPECTED);
    expect(next.read).toEqual([]);
  });

  it('a crash after the annotation file was saved but before counts.json: only that article is counted again', async () => {
    await library();
    // The save that the crash cut short: the annotation file is new, counts.json still the old one.
    await writeTags('b', ['source', 'claim', 'claim']);
    const next = open();
    expect(await next.counts()).toEqual(new Map([...EXPECTED, ['b', { source: 1, claim: 2 }]]));
    expect(next.read).toEqual(['b']);
    // And the repaired entry is saved: the start after that reads nothing.
    await next.index.flush();
    const third = open();
    expect((await third.counts()).get('b')).toEqual({ source: 1, claim: 2 });
    expect(third.read).toEqual([]);
  });

  it('an annotation file that appeared or vanished since counts.json is counted again', async () => {
    await library();
    await writeTags('c', ['quote']);
    await fs.rm(annotationPath('a'));
    const next = open();
    expect(await next.counts()).toEqual(new Map([['a', {}], ['b', { source: 1 }], ['c', { quote: 1 }]]));
    expect(next.read.sort()).toEqual(['a', 'c']);
  });

  it('a save recorded in this session is used as it is, and reaches counts.json (coalesced) at flush', async () => {
    await library();
    const session = open();
    await session.counts();
    await writeTags('a', ['quote']);
    session.index.record('a', await session.index.signature('a'), tallyOf(['quote']));
    await writeTags('a', ['claim', 'claim']);
    session.index.record('a', await session.index.signature('a'), tallyOf(['claim', 'claim']));
    expect((await session.counts()).get('a')).toEqual({ claim: 2 });
    expect(session.read).toEqual([]);
    await session.index.flush();
    const next = open();
    expect((await next.counts()).get('a')).toEqual({ claim: 2 });
    expect(next.read).toEqual([]);
  });

  it('a counts.json that is not JSON is moved into quarantine/, not overwritten, and everything is counted again', async () => {
    await library();
    await fs.writeFile(join(dir, COUNTS_FILE), '{"schemaVersion": 1, "articles": {');
    const notices: string[] = [];
    const next = open(notices);
    expect(await next.counts()).toEqual(EXPECTED);
    expect(next.read.sort()).toEqual(IDS);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^is not valid JSON → .*quarantine/);
    const aside = await fs.readdir(join(dir, 'quarantine'));
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(join(dir, 'quarantine', aside[0]!), 'utf8')).toBe('{"schemaVersion": 1, "articles": {');
    await next.index.flush();
    const third = open();
    expect(await third.counts()).toEqual(EXPECTED);
    expect(third.read).toEqual([]);
  });

  it('a counts.json of the wrong shape (a wrong count, an unknown version) is quarantined too', async () => {
    for (const bad of [
      { schemaVersion: 1, articles: { a: { file: 'x', counts: { quote: -1 } } } },
      { schemaVersion: 99, articles: {} },
    ]) {
      await fs.writeFile(join(dir, COUNTS_FILE), JSON.stringify(bad));
      const notices: string[] = [];
      const next = open(notices);
      await next.counts();
      expect(notices[0]).toMatch(/^is not in the expected shape/);
      await next.index.flush();
    }
    expect(await fs.readdir(join(dir, 'quarantine'))).toHaveLength(2);
  });
});

describe('the annotations/ folder unchanged since counts.json was written (issue 20)', () => {
  it('a later start takes the counts as they are: no annotation file is looked at', async () => {
    await library();
    statted.length = 0;
    const next = open();
    expect(await next.counts()).toEqual(EXPECTED);
    expect(next.read).toEqual([]);
    expect(statted).toEqual([]);
  });

  it('a file added, replaced or removed outside the app changes the folder: every entry is checked, the changed ones counted again', async () => {
    await library();
    // Another program (a copy by hand, a sync tool): through a new file and a rename, or an unlink.
    await writeTags('c', ['quote']);
    await writeTags('b', ['claim', 'claim']);
    await fs.rm(annotationPath('a'));
    statted.length = 0;
    const next = open();
    expect(await next.counts()).toEqual(new Map([['a', {}], ['b', { claim: 2 }], ['c', { quote: 1 }]]));
    expect(next.read.sort()).toEqual(['a', 'b', 'c']);
    expect(statted.length).toBeGreaterThanOrEqual(2);
    // Written again with the folder as it is now: the start after reads and looks at nothing.
    await next.index.flush();
    statted.length = 0;
    const third = open();
    expect(await third.counts()).toEqual(new Map([['a', {}], ['b', { claim: 2 }], ['c', { quote: 1 }]]));
    expect(third.read).toEqual([]);
    expect(statted).toEqual([]);
  });

  it('a change by another program while the app runs is not taken for one of its own saves', async () => {
    await library();
    const session = open();
    await session.counts();
    // Another program replaces b's file; then the app saves a.
    await writeTags('b', ['quote', 'quote', 'quote']);
    await session.index.ownWrite(async () => {
      await writeTags('a', ['claim']);
      session.index.record('a', await session.index.signature('a'), tallyOf(['claim']));
    });
    await session.index.flush();
    const next = open();
    expect(await next.counts()).toEqual(new Map([['a', { claim: 1 }], ['b', { quote: 3 }], ['c', {}]]));
    expect(next.read).toEqual(['b']);
  });

  it("the app's own saves keep the counts trusted: after a session of saves, the next start looks at no file", async () => {
    await library();
    const session = open();
    await session.counts();
    for (const tags of [['claim'], ['claim', 'quote']]) {
      await session.index.ownWrite(async () => {
        await writeTags('c', tags);
        session.index.record('c', await session.index.signature('c'), tallyOf(tags));
      });
    }
    await session.index.flush();
    statted.length = 0;
    const next = open();
    expect((await next.counts()).get('c')).toEqual({ claim: 1, quote: 1 });
    expect(next.read).toEqual([]);
    expect(statted).toEqual([]);
  });

  it('reads a counts.json of the previous version (no folder signature) by checking every entry, then writes the new one', async () => {
    await library();
    const current = JSON.parse(await fs.readFile(join(dir, COUNTS_FILE), 'utf8')) as { articles: Record<string, unknown> };
    await fs.writeFile(join(dir, COUNTS_FILE), JSON.stringify({ schemaVersion: 1, articles: current.articles }));
    const next = open();
    expect(await next.counts()).toEqual(EXPECTED);
    expect(next.read).toEqual([]);
    await next.index.flush();
    statted.length = 0;
    const third = open();
    expect(await third.counts()).toEqual(EXPECTED);
    expect(statted).toEqual([]);
  });

  it('a counts.json damaged in one of its lines is quarantined as a whole and everything counted again', async () => {
    await library();
    const text = await fs.readFile(join(dir, COUNTS_FILE), 'utf8');
    await fs.writeFile(join(dir, COUNTS_FILE), text.replace('"quote":2', '"quote":-2'));
    const notices: string[] = [];
    const next = open(notices);
    expect(await next.counts()).toEqual(EXPECTED);
    expect(next.read.sort()).toEqual(IDS);
    expect(notices[0]).toMatch(/^is not in the expected shape → .*quarantine/);
  });
});

describe('DataStore counts through counts.json', () => {
  function article(id: string, text: string): Article {
    return { id, title: id, date: null, outlet: null, hash: textHash(text), length: text.length, origin: `${id}.txt`, author: null, url: null, language: null, note: '', text };
  }
  function annotation(articleId: string, id: string, tagId: string): Annotation {
    const stamp = '2024-01-01T00:00:00.000Z';
    return { id, articleId, tagId, start: 0, end: 3, exact: 'x', prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: stamp, modified: stamp };
  }
  const add = (store: DataStore, a: Annotation) => store.updateAnnotations(a.articleId, (current) => ({ annotations: [...current, a], result: a }));

  it('keeps counts across a restart, and after a crash before counts.json was saved counts the changed article again', async () => {
    const store = await DataStore.create(dir, {
      articles: [article('a', 'Alpha text.'), article('b', 'Bravo text.')],
      codebook: DEFAULT_CODEBOOK,
      settings: { creator: 'ana' },
    });
    await add(store, annotation('a', 'a1', 'quote'));
    await add(store, annotation('b', 'b1', 'claim'));
    expect(Object.fromEntries(await store.counts())).toEqual({ a: { quote: 1 }, b: { claim: 1 } });
    await store.close();
    const before = await fs.readFile(join(dir, COUNTS_FILE), 'utf8');

    // The next session saves one more annotation, then "crashes": counts.json is as before.
    const second = (await DataStore.open(dir))!;
    await add(second, annotation('b', 'b2', 'claim'));
    await second.close();
    await fs.writeFile(join(dir, COUNTS_FILE), before);

    const third = (await DataStore.open(dir))!;
    expect(Object.fromEntries(await third.counts())).toEqual({ a: { quote: 1 }, b: { claim: 2 } });
    await third.close();
  });

  it('an annotation file rewritten in place by another program (the folder unchanged) gets its counts right once the article is read', async () => {
    const store = await DataStore.create(dir, {
      articles: [article('a', 'Alpha text.'), article('b', 'Bravo text.')],
      codebook: DEFAULT_CODEBOOK,
      settings: { creator: 'ana' },
    });
    await add(store, annotation('a', 'a1', 'quote'));
    await store.counts();
    await store.close();
    // An editor that writes over the file itself: no new file, no rename, annotations/ keeps its times.
    const file = join(dir, 'annotations', 'a.json');
    const held = JSON.parse(await fs.readFile(file, 'utf8')) as { annotations: Annotation[] };
    held.annotations.push(annotation('a', 'a2', 'claim'));
    await fs.writeFile(file, JSON.stringify(held));

    const second = (await DataStore.open(dir))!;
    const revision = second.libraryRevision();
    await second.counts();
    expect(await second.annotations('a')).toHaveLength(2);
    for (let i = 0; i < 100 && second.libraryRevision() === revision; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(Object.fromEntries(await second.counts())).toEqual({ a: { quote: 1, claim: 1 }, b: {} });
    await second.close();
    // And kept: the next start shows them without reading the file.
    const third = (await DataStore.open(dir))!;
    expect(Object.fromEntries(await third.counts())).toEqual({ a: { quote: 1, claim: 1 }, b: {} });
    await third.close();
  });
});

describe('counts so far (a first start without counts.json)', () => {
  it('answers at once with what is counted, then the rest as it arrives', async () => {
    await writeTags('a', ['quote']);
    await writeTags('b', ['claim', 'claim']);
    const index = new CountsIndex(dir, { annotationPath, delayMs: 10_000 });
    const { recount } = counter(() => index);
    const first = index.countsSoFar(IDS, recount);
    expect(first.pending).toBe(3);
    expect(first.counts('a')).toBeUndefined();
    let now = first;
    for (let i = 0; i < 100 && now.pending > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      now = index.countsSoFar(IDS, recount);
    }
    expect(now.pending).toBe(0);
    expect(now.counts('a')).toEqual({ quote: 1 });
    expect(now.counts('b')).toEqual({ claim: 2 });
    expect(now.counts('c')).toEqual({});
  });

  it('keeps what a count cut short by closing had counted, so the next start counts only the rest', async () => {
    await writeTags('a', ['quote']);
    await writeTags('b', ['claim']);
    await writeTags('c', ['claim']);
    const index = new CountsIndex(dir, { annotationPath, delayMs: 10_000 });
    const read: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { recount: plain } = counter(() => index);
    // 'c' is still being read when the library closes.
    const recount: Recount = async (id) => {
      read.push(id);
      if (id === 'c') await held;
      return plain(id);
    };
    index.countsSoFar(IDS, recount);
    for (let i = 0; i < 100 && index.countsSoFar(IDS, recount).pending > 1; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    index.stop();
    await index.flush();
    release();
    const saved = JSON.parse(await fs.readFile(join(dir, COUNTS_FILE), 'utf8')) as { articles: Record<string, unknown> };
    expect(Object.keys(saved.articles).sort()).toEqual(['a', 'b']);

    const next = open();
    expect(await next.counts()).toEqual(new Map([['a', { quote: 1 }], ['b', { claim: 1 }], ['c', { claim: 1 }]]));
    expect(next.read).toEqual(['c']);
  });
});

describe('the coders of each article, beside the counts (listing the coders of 100,000 articles)', () => {
  const coders = (index: CountsIndex, recount: Recount) => index.coders(IDS, recount).then((map) => Object.fromEntries(map));

  it('are kept through saves and a restart, read from counts.json with no annotation file looked at', async () => {
    await writeTags('a', ['quote', 'quote/bo', 'claim']);
    await writeTags('b', ['source/bo']);
    const first = open();
    const { recount } = counter(() => first.index);
    expect(await coders(first.index, recount)).toEqual({ a: { ana: 2, bo: 1 }, b: { bo: 1 }, c: {} });
    // A save: b's annotation by bo deleted, one by cleo added.
    await first.index.ownWrite(async () => {
      await writeTags('b', ['source/cleo']);
      first.index.record('b', await first.index.signature('b'), tallyOf(['source/cleo']));
    });
    expect((await coders(first.index, recount)).b).toEqual({ cleo: 1 });
    await first.index.flush();
    statted.length = 0;
    const next = open();
    const again = counter(() => next.index);
    expect(await coders(next.index, again.recount)).toEqual({ a: { ana: 2, bo: 1 }, b: { cleo: 1 }, c: {} });
    expect(again.read).toEqual([]);
    expect(statted).toEqual([]);
  });

  it('an annotation file replaced by another program: that article alone is counted again, its coders with it', async () => {
    await writeTags('a', ['quote', 'quote/bo']);
    await writeTags('b', ['source/bo']);
    const first = open();
    await first.counts();
    await first.index.flush();
    await writeTags('a', ['quote/dan']);
    const next = open();
    const { recount, read } = counter(() => next.index);
    expect(await coders(next.index, recount)).toEqual({ a: { dan: 1 }, b: { bo: 1 }, c: {} });
    expect(read).toEqual(['a']);
  });

  it('an older counts.json (counts per tag only): the articles with annotations are counted again for their coders, their counts shown meanwhile', async () => {
    await library();
    // As the version before wrote it: the folder signature still true, no coders.
    const text = await fs.readFile(join(dir, COUNTS_FILE), 'utf8');
    const older = text.replace(/,"coders":\{[^}]*\}/g, '');
    expect(older).not.toBe(text);
    await fs.writeFile(join(dir, COUNTS_FILE), older);

    const index = new CountsIndex(dir, { annotationPath, delayMs: 10_000 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { recount: plain, read } = counter(() => index);
    const recount: Recount = async (id) => {
      await held;
      return plain(id);
    };
    // The list at start: the counts from the file while the coders are being counted.
    let now = index.countsSoFar(IDS, recount);
    for (let i = 0; i < 100 && now.counts('a') === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      now = index.countsSoFar(IDS, recount);
    }
    expect(now.counts('a')).toEqual({ quote: 2, claim: 1 });
    expect(now.counts('b')).toEqual({ source: 1 });
    expect(now.counts('c')).toEqual({});
    release();
    expect(await coders(index, recount)).toEqual({ a: { ana: 3 }, b: { ana: 1 }, c: {} });
    // c has no annotation: nothing to count again.
    expect(read.sort()).toEqual(['a', 'b']);
    await index.flush();
    const next = open();
    const again = counter(() => next.index);
    expect(await coders(next.index, again.recount)).toEqual({ a: { ana: 3 }, b: { ana: 1 }, c: {} });
    expect(again.read).toEqual([]);
  });

  it('a counts.json whose coders are damaged is quarantined and everything counted again', async () => {
    await library();
    const text = await fs.readFile(join(dir, COUNTS_FILE), 'utf8');
    await fs.writeFile(join(dir, COUNTS_FILE), text.replace('"coders":{"ana":3}', '"coders":{"ana":"3"}'));
    const notices: string[] = [];
    const next = open(notices);
    const { recount, read } = counter(() => next.index);
    expect(await coders(next.index, recount)).toEqual({ a: { ana: 3 }, b: { ana: 1 }, c: {} });
    expect(read.sort()).toEqual(IDS);
    expect(notices[0]).toMatch(/^is not in the expected shape → .*quarantine/);
  });

  it('a coder changed in place by another program (the counts per tag the same) is put right once the article is read', async () => {
    const text = 'Alpha text.';
    const store = await DataStore.create(dir, {
      articles: [{ id: 'a', title: 'a', date: null, outlet: null, hash: textHash(text), length: text.length, origin: 'a.txt', author: null, url: null, language: null, note: '', text }],
      codebook: DEFAULT_CODEBOOK,
      settings: { creator: 'ana' },
    });
    const stamp = '2024-01-01T00:00:00.000Z';
    const mine: Annotation = { id: 'a1', articleId: 'a', tagId: 'quote', start: 0, end: 3, exact: 'Alp', prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: stamp, modified: stamp };
    await store.updateAnnotations('a', (current) => ({ annotations: [...current, mine], result: undefined }));
    expect(Object.fromEntries(await store.coderCounts())).toEqual({ a: { ana: 1 } });
    await store.close();
    const file = join(dir, 'annotations', 'a.json');
    const held = JSON.parse(await fs.readFile(file, 'utf8')) as { annotations: Annotation[] };
    held.annotations[0]!.creator = 'bo';
    await fs.writeFile(file, JSON.stringify(held));

    const second = (await DataStore.open(dir))!;
    const revision = second.libraryRevision();
    await second.coderCounts();
    expect((await second.annotations('a'))[0]!.creator).toBe('bo');
    for (let i = 0; i < 100 && second.libraryRevision() === revision; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(Object.fromEntries(await second.coderCounts())).toEqual({ a: { bo: 1 } });
    await second.close();
  });
});
