/**
 * Choosing the coder on a large library (issue 20: 100,000 articles, 1,000,000
 * annotations), in one fresh process: the data folder opened, then setCoder
 * (its same-name warning lists the coders) and listCoders (with each coder's
 * articles, and names only), twice each, wall and CPU time, and the memory of
 * the process after. Rolling backups off, so that their start-up pass does
 * not share the figures.
 *
 *   npx vite build --ssr bench/coderBench.ts --outDir out/coderBench --logLevel warn
 *   node out/coderBench/coderBench.js DIR [NAME]
 *
 * Run it twice on the same folder: the first start after counts.json was
 * removed (or written by an older version) counts; the next one reads it.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/main/core/createCore';

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpu0);
  console.log(`${label}: ${Math.round(performance.now() - t0)} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms)`);
  return value;
}

async function main(): Promise<void> {
  const [dataDir, name = 'Timing Coder'] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: coderBench.js DIR [NAME]');
  const core = await timed('open the data folder', () => createCore({ dataDir, corpusDir: 'corpus', backups: false }));
  for (const round of ['first', 'again']) {
    const set = await timed(`setCoder (${round})`, () => core.setCoder({ name: round === 'first' ? name : `${name} 2` }));
    const coders = await timed(`listCoders (${round})`, () => core.listCoders({}));
    const names = await timed(`listCoders, names only (${round})`, () => core.listCoders({ articles: false }));
    if (round === 'first') {
      const shown = coders.map((c) => `${c.name}: ${c.annotations} annotations in ${c.articleIds?.length ?? 0} articles`).join('; ');
      console.log(`  coders: ${shown}; warning: ${set.warning ?? 'none'}`);
      console.log(`  JSON sizes: ${JSON.stringify(coders).length} bytes with the articles, ${JSON.stringify(names).length} bytes names only`);
    }
  }
  console.log(`memory of the process: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB RSS`);
  await timed('close', () => core.close());
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
