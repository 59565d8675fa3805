/**
 * `--people DIR`: the People screen's call (listEntities) through the core on the library in DIR, in this
 * process, as the app makes it (no backup, to time the call alone): the first call after a start, the same
 * call after one annotation's speaker was changed (a save: the index is built again), and the first call
 * after a restart (a new core over the same folder). Each call's wall and CPU time; the heap still used
 * once the first call is over (after a garbage collection, when node runs with --expose-gc: what the store
 * keeps of the annotation files and texts it read), and the process's peak RSS. The changed attribute is
 * put back at the end, so the library is as it was.
 */
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../src/main/core/createCore';

interface CallFigures {
  wallMs: number;
  cpuMs: number;
  entities: number;
}

async function timedCall(core: Core): Promise<CallFigures> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const { entities } = await core.listEntities({});
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, entities: entities.length };
}

function retainedMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

const figures = (label: string, f: CallFigures) => `  ${label}: ${(f.wallMs / 1000).toFixed(2)} s wall, ${(f.cpuMs / 1000).toFixed(2)} s CPU (${f.entities.toLocaleString('en')} entities)`;

export async function runPeopleBench(dataDir: string): Promise<void> {
  let core = await createCore({ dataDir, corpusDir: 'corpus', backups: false });
  let put: (() => Promise<void>) | null = null;
  try {
    console.log(figures('listEntities, first call after a start', await timedCall(core)));
    const heap = retainedMb();
    console.log(`  heap used after it${heap === null ? ' (run node with --expose-gc for it)' : `: ${heap.toFixed(0)} MB`}; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
    // One Quote annotation's speaker changed, then the call again.
    const first = (await core.listArticlesWindow({ offset: 0, limit: 50, sort: 'library', direction: 'asc', filter: '', outlet: null, from: null, to: null })).rows;
    let changed = false;
    for (const a of first) {
      const quote = (await core.listAnnotations({ articleId: a.id })).find((x) => x.tagId === 'quote');
      if (!quote) continue;
      const before = quote.attributes;
      await core.updateAnnotation({ articleId: a.id, id: quote.id, attributes: { ...before, speaker: 'Benchmark Speaker' } });
      const c = core;
      put = async () => {
        await c.updateAnnotation({ articleId: a.id, id: quote.id, attributes: before });
      };
      changed = true;
      break;
    }
    if (changed) console.log(figures('listEntities after one speaker was changed', await timedCall(core)));
    if (put) await put();
    put = null;
    await core.close();
    core = await createCore({ dataDir, corpusDir: 'corpus', backups: false });
    console.log(figures('listEntities, first call after a restart', await timedCall(core)));
  } finally {
    if (put) await put();
    await core.close();
  }
  console.log(`  peak RSS of the process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
