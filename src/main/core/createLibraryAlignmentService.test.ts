import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from './createCore';
import { SEED, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { ALIGN_INDEX_DIR } from '../alignment/alignmentIndex';
import { KEPT_ALIGNMENT_FILE } from './keptLibraryAlignment';
import { buildTestWorker } from '../../../tools/testSupport/buildTestWorker';

const lib = useTestLibrary();

// The worker entry built the way the app's build bundles it, run in a real worker thread.
let workerFile: string;
let removeWorker: () => Promise<void>;
beforeAll(async () => {
  ({ workerFile, remove: removeWorker } = await buildTestWorker('src/main/alignment/alignWorker.ts'));
}, 60_000);
afterAll(async () => {
  await removeWorker();
});

async function finished(core: Core) {
  for (let i = 0; i < 600; i++) {
    const status = await core.getLibraryAlignmentStatus({});
    if (status.running === null) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the library alignment did not finish');
}

async function derivedEntries(dir: string): Promise<string[]> {
  // The alignment's entries (the folder holds other derived data too).
  return (await fs.readdir(join(dir, 'derived')).catch(() => [])).filter((name) => name.startsWith('align') || name.startsWith('library-alignment')).sort();
}

describe('library alignment as a job', () => {
  it('runs in the worker, says its phase while running, and keeps the groups and the index when done', async () => {
    const core = await lib.open({ alignWorkerFile: workerFile });
    const started = await core.startLibraryAlignment({});
    expect(started.running).not.toBeNull();
    expect(started.running!.articles).toBe(5);
    const done = await finished(core);
    expect(done.outcome?.kind).toBe('done');
    expect(done.outcome?.message).toMatch(/^The library is aligned: \d+ groups of shared passages over 5 articles\.$/);
    expect(done.kept?.articles).toBe(5);
    expect(done.kept?.groups).toBeGreaterThan(0);
    const page = await core.listLibraryPassages({ limit: 1000 });
    expect(page.total).toBe(done.kept?.groups);
    const ashamed = page.groups.find((g) => g.passages.some((p) => p.exact.includes('ashamed of my country')))!;
    expect(new Set(ashamed.passages.map((p) => p.article))).toEqual(new Set(Object.values(SEED)));
    // The same groups alignArticles gives over the five (only their order and names differ).
    const direct = await core.alignArticles({ articleIds: Object.values(SEED) });
    expect(page.total).toBe(direct.length);
    // The index is in place; no staging folder is left behind.
    expect(await derivedEntries(lib.dir())).toEqual(['align-index', 'library-alignment.jsonl']);
    expect((await fs.readdir(join(lib.dir(), ALIGN_INDEX_DIR))).sort()).toEqual(['docs.jsonl', 'postings.bin']);
  });

  it('cancelled, it stops the worker, keeps the previous results and says so', async () => {
    const core = await lib.open({ alignWorkerFile: workerFile });
    await core.startLibraryAlignment({});
    const first = await finished(core);
    const keptBefore = await fs.readFile(join(lib.dir(), KEPT_ALIGNMENT_FILE));
    const indexBefore = await fs.readFile(join(lib.dir(), ALIGN_INDEX_DIR, 'docs.jsonl'));

    const again = core.startLibraryAlignment({});
    const cancelled = await core.cancelLibraryAlignment({});
    expect((await again).running).not.toBeNull();
    expect(cancelled.running).toBeNull();
    expect(cancelled.outcome?.kind).toBe('cancelled');
    expect(cancelled.outcome?.message).toBe(`The alignment was cancelled. The previous results (${first.kept!.groups} groups over ${first.kept!.articles} articles) are kept.`);
    expect(cancelled.kept).toEqual(first.kept);
    expect((await fs.readFile(join(lib.dir(), KEPT_ALIGNMENT_FILE))).equals(keptBefore)).toBe(true);
    expect((await fs.readFile(join(lib.dir(), ALIGN_INDEX_DIR, 'docs.jsonl'))).equals(indexBefore)).toBe(true);
    expect(await derivedEntries(lib.dir())).toEqual(['align-index', 'library-alignment.jsonl']);
    expect((await core.listLibraryPassages({})).total).toBe(first.kept!.groups);
  });

  it('cancelled before any finished, it says there were no earlier results and writes nothing', async () => {
    const core = await lib.open({ alignWorkerFile: workerFile });
    void core.startLibraryAlignment({});
    const cancelled = await core.cancelLibraryAlignment({});
    expect(cancelled.outcome).toMatchObject({ kind: 'cancelled', message: 'The alignment was cancelled. There were no earlier results.' });
    expect(cancelled.kept).toBeNull();
    expect(await derivedEntries(lib.dir())).toEqual([]);
    expect((await core.listLibraryPassages({})).total).toBe(0);
  });

  it('starting while one runs gives the running one; cancelling when none runs changes nothing', async () => {
    const core = await lib.open();
    expect((await core.cancelLibraryAlignment({})).outcome).toBeNull();
    const [a, b] = await Promise.all([core.startLibraryAlignment({}), core.startLibraryAlignment({})]);
    expect(a.running?.startedAt).toBe(b.running?.startedAt);
    expect((await finished(core)).outcome?.kind).toBe('done');
  });

  it('keeps the groups across a restart (derived file), and a damaged file reads as not aligned yet', async () => {
    const core = await lib.open();
    await core.startLibraryAlignment({});
    const done = await finished(core);
    await core.close();
    const reopened = await lib.open();
    expect((await reopened.getLibraryAlignmentStatus({})).kept).toEqual(done.kept);
    await reopened.close();
    await fs.writeFile(join(lib.dir(), KEPT_ALIGNMENT_FILE), '{"libraryAlignment":1,');
    const damaged = await lib.open();
    expect((await damaged.getLibraryAlignmentStatus({})).kept).toBeNull();
  });
});

describe('an imported article is aligned against the kept alignment', () => {
  /** A new article quoting a long passage of A000's (the diplomat's letter) inside text of its own. */
  async function reusingArticle(core: Core): Promise<{ name: string; data: string }> {
    const source = (await core.getArticle({ id: SEED.A000 })).text;
    const at = source.indexOf('ashamed of my country');
    const passage = source.slice(Math.max(0, at - 300), at + 300);
    const text = `A newsletter reprints the letter\n\nOur readers asked about the resignation in Geneva this week. ${passage} Readers may write to the editor with their own views on the matter.\n`;
    return { name: 'newsletter.txt', data: Buffer.from(text).toString('base64') };
  }

  it('the new article appears in the shared passage without a full alignment', async () => {
    const core = await lib.open();
    await core.startLibraryAlignment({});
    const aligned = await finished(core);
    const report = await core.importArticles({ files: [await reusingArticle(core)] });
    expect(report.imported).toHaveLength(1);
    const id = report.imported[0]!.id;
    let page = await core.listLibraryPassages({ articleId: id });
    for (let i = 0; i < 200 && page.total === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      page = await core.listLibraryPassages({ articleId: id });
    }
    const shared = page.groups.find((g) => g.passages.some((p) => p.article === id && p.exact.includes('ashamed of my country')));
    expect(shared).toBeDefined();
    expect(new Set(shared!.passages.map((p) => p.article))).toEqual(new Set([...Object.values(SEED), id]));
    // One group for the passage, not the old one plus a new one.
    expect((await core.listLibraryPassages({ limit: 1000 })).groups.filter((g) => g.passages.some((p) => p.exact.includes('ashamed of my country')))).toHaveLength(1);
    const status = await core.getLibraryAlignmentStatus({});
    expect(status.kept).toMatchObject({ finishedAt: aligned.kept!.finishedAt, articles: 6, addedSince: 1 });
    expect(status.outcome).toEqual(aligned.outcome); // no full alignment ran
    expect(status.notes).toEqual([]);
    // The new article is in the index too: an article imported next finds it.
    expect((await fs.readFile(join(lib.dir(), ALIGN_INDEX_DIR, 'docs.jsonl'), 'utf8')).includes(id)).toBe(true);
  });

  it('with no kept alignment, an import aligns nothing and stays as it was', async () => {
    const core = await lib.open();
    const report = await core.importArticles({ files: [await reusingArticle(core)] });
    expect(report.imported).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 100));
    expect((await core.getLibraryAlignmentStatus({})).kept).toBeNull();
    expect(await derivedEntries(lib.dir())).not.toContain('library-alignment.jsonl');
  });

  it('a failure aligning an import is a note, never the import’s error', async () => {
    const notices: string[] = [];
    const core = await lib.open({ onNotice: (line) => notices.push(line) });
    await core.startLibraryAlignment({});
    await finished(core);
    // The index cannot take the new article (its tail file is a folder): the lookup fails.
    await fs.mkdir(join(lib.dir(), ALIGN_INDEX_DIR, 'tail.bin'));
    {
      const report = await core.importArticles({ files: [await reusingArticle(core)] });
      expect(report.imported).toHaveLength(1);
      let status = await core.getLibraryAlignmentStatus({});
      for (let i = 0; i < 200 && status.notes.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
        status = await core.getLibraryAlignmentStatus({});
      }
      expect(status.notes).toHaveLength(1);
      expect(status.notes[0]).toContain(`Could not align the imported article ${report.imported[0]!.id} with the library`);
      expect(notices.some((n) => n.includes('Could not align the imported article'))).toBe(true);
    }
  });
});
