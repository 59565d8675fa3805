/**
 * Benchmarks intercoder agreement (issue 16: 1,000 articles × 3 coders
 * ≤ 2 s): three coders' versions of the synthetic library's annotations
 * (each coder keeps most spans, moves some boundaries by a word or two, adds
 * a few and picks attribute values of their own), then
 * - the computation alone (annotationAgreement: alpha_u, alpha, kappas,
 *   attributes, per-article breakdown), on words and on sentences;
 * - the whole of `npm run cli -- agreement`'s work on a data folder written
 *   to disk: a fresh store reads every annotation file and the texts, then
 *   computes (dataFolderAgreement).
 * Returns the lines it printed (median of `runs`).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { annotationAgreement } from '../src/shared/agreement/annotationAgreement';
import { DEFAULT_CODEBOOK, type Annotation } from '../src/shared/model/model';
import { dataFolderAgreement } from '../src/main/core/dataFolderAgreement';
import { DataStore } from '../src/main/store/dataStore';
import { median } from './benchStats';
import { syntheticCorpus } from './syntheticCorpus';
import { benchAnnotations, writeBenchLibrary } from './writeBenchLibrary';

const CODERS = ['ana', 'ben', 'cem'];
const TARGET_MS = 2000;

/** Three coders' annotations of one article: the same passages, coded with realistic disagreement. */
export function threeCoders(articleId: string, text: string, count: number, random: () => number): Annotation[] {
  const base = benchAnnotations(articleId, text, count, random);
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const wordAt = (offset: number) => Math.max(0, words.findIndex((w) => w.end > offset));
  const out: Annotation[] = [];
  CODERS.forEach((creator, c) => {
    base.forEach((a, k) => {
      if (random() < 0.1) return; // missed
      let first = wordAt(a.start);
      let last = wordAt(a.end - 1);
      if (random() < 0.3) first = Math.min(words.length - 1, Math.max(0, first + Math.floor(random() * 5) - 2));
      if (random() < 0.3) last = Math.min(words.length - 1, last + Math.floor(random() * 5) - 2);
      if (last < first) last = first;
      const tag = DEFAULT_CODEBOOK.find((t) => t.id === a.tagId)!;
      const choice = tag.attributes.find((d) => d.type === 'choice')!;
      const attributes = random() < 0.8 ? { ...a.attributes, [choice.id]: choice.options[k % choice.options.length]! } : { ...a.attributes, [choice.id]: choice.options[Math.floor(random() * choice.options.length)]! };
      out.push({ ...a, id: `${a.id}-${c}`, creator, start: words[first]!.start, end: words[last]!.end, exact: text.slice(words[first]!.start, words[last]!.end), attributes });
    });
    if (random() < 0.3) {
      const extra = benchAnnotations(articleId, text, 1, random)[0];
      if (extra) out.push({ ...extra, id: `${articleId}-x${c}`, creator });
    }
  });
  return out;
}

interface Timing {
  /** Median wall-clock time. */
  ms: number;
  /** Median CPU time of this process (user + system): what the work costs when the machine is shared. */
  cpuMs: number;
}

async function timed(runs: number, work: () => unknown): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await work();
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
}

const shown = (t: Timing) => `${t.ms.toFixed(0)} ms (CPU ${t.cpuMs.toFixed(0)} ms)`;

export async function runAgreementBench(root: string, runs: number, size = 1000): Promise<string[]> {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const corpus = syntheticCorpus(size, { seed: 1 });
  const lib = await writeBenchLibrary(join(root, `agreement-${size}`), corpus, { annotationsPerArticle: 10, seed: 11, annotate: threeCoders });
  const store = await DataStore.open(lib.dataDir);
  if (!store) throw new Error(`no library in ${lib.dataDir}`);
  const annotations: Annotation[] = [];
  for (const a of corpus) annotations.push(...(await store.annotations(a.id)));
  const articles = corpus.map((a) => ({ id: a.id, text: a.text, language: 'en' }));
  const input = { articles, annotations, coders: CODERS, tags: DEFAULT_CODEBOOK };
  const verdict = (t: Timing) => (t.ms <= TARGET_MS ? 'yes' : t.cpuMs <= TARGET_MS ? 'yes in CPU time; the wall clock shows a busy machine' : 'NO');

  let report = annotationAgreement({ ...input, units: 'tokens' });
  const words = await timed(runs, () => (report = annotationAgreement({ ...input, units: 'tokens' })));
  say(`${size.toLocaleString('en')} articles × ${CODERS.length} coders, ${annotations.length.toLocaleString('en')} annotations, ${report.overall.units.toLocaleString('en')} words:`);
  say(`  agreement on words (alpha_u, alpha, kappas, attributes, per article): ${shown(words)}; target ≤ ${TARGET_MS} ms: ${verdict(words)}; α_u ${report.overall.alphaU?.toFixed(3)}, α ${report.overall.alpha?.toFixed(3)}`);
  let sentences = report;
  const bySentence = await timed(runs, () => (sentences = annotationAgreement({ ...input, units: 'sentences' })));
  say(`  agreement on sentences (${sentences.overall.units.toLocaleString('en')} sentences): ${shown(bySentence)}; ${verdict(bySentence)}`);
  const folder = await timed(runs, async () => {
    const fresh = await DataStore.open(lib.dataDir);
    const result = await dataFolderAgreement(fresh!, { units: 'tokens' });
    if (!result.ok) throw new Error(result.problem);
  });
  say(`  the same from the data folder on disk (a fresh store reads ${(2 * size).toLocaleString('en')} files, then computes, as the CLI does): ${shown(folder)}; ${verdict(folder)}`);
  say(`Load average (1 min) on ${cpus().length} cores: ${loadavg()[0]!.toFixed(2)}.`);
  say(`Medians of ${runs} runs.`);
  return lines;
}
