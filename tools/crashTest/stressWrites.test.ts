import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAcknowledgedWrites, type AnnotationState } from './checkAcknowledgedWrites';
import { createCore } from '../../src/main/core/createCore';
import { runStressWrites, type StressEvent } from './stressWrites';
import { useTempDir } from '../testSupport/useTempDir';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

const dir = useTempDir('triangulate-stress-');

describe('runStressWrites', () => {
  it('acknowledges every write it began, and what it acknowledged is what the library holds', async () => {
    const core = await createCore({ dataDir: dir(), corpusDir: CORPUS, creator: 'stress', backups: false });
    const events: StressEvent[] = [];
    const writes = await runStressWrites(core, { seed: 3, maxWrites: 120, emit: (e) => events.push(e) });
    expect(writes).toBeGreaterThanOrEqual(120);
    expect(events[0]).toMatchObject({ t: 'ready', articles: 5 });
    expect(events.at(-1)).toEqual({ t: 'done', writes });
    const begun = events.filter((e) => e.t === 'begin');
    const acked = events.filter((e) => e.t === 'ack');
    expect(acked).toHaveLength(begun.length);
    expect(new Set(acked.map((e) => (e.t === 'ack' ? e.op : null)))).toEqual(new Set(['create', 'update', 'delete']));

    const after = new Map<string, Map<string, AnnotationState>>();
    for (const article of await core.listArticles({})) {
      const annotations = await core.listAnnotations({ articleId: article.id });
      after.set(article.id, new Map(annotations.map((a) => [a.id, { note: a.note, tagId: a.tagId }])));
    }
    await core.close();
    expect(checkAcknowledgedWrites(new Map(), events, after)).toEqual({ acknowledged: acked.length, failures: [] });
  });

  it('writes the same sequence to each article for the same seed', async () => {
    const run = async (sub: string, seed: number) => {
      const core = await createCore({ dataDir: join(dir(), sub), corpusDir: CORPUS, creator: 'stress', backups: false });
      const events: StressEvent[] = [];
      await runStressWrites(core, { seed, maxWrites: 40, emit: (e) => events.push(e) });
      await core.close();
      // Annotation ids are random, and how many writes each article gets of the 40 is up to timing.
      const perArticle = new Map<string, string[]>();
      for (const e of events) if (e.t === 'begin') perArticle.set(e.article, [...(perArticle.get(e.article) ?? []), `${e.op} ${e.note} ${e.tagId}`]);
      return perArticle;
    };
    const samePrefix = (a: string[], b: string[]) => a.slice(0, Math.min(a.length, b.length)).join('|') === b.slice(0, Math.min(a.length, b.length)).join('|');
    const first = await run('one', 11);
    const second = await run('two', 11);
    expect([...first.keys()].sort()).toEqual([...second.keys()].sort());
    for (const [article, writes] of first) expect(samePrefix(writes, second.get(article)!)).toBe(true);
  });
});
