/**
 * `npm run bench`: how fast Triangulate is at research scale (issue 7), and
 * how fast quote detection and alignment are. Generates reproducible
 * synthetic libraries (fixed seeds) of 1,000 and 10,000 articles of ~5 KB
 * with 10 annotations each, written as real data folders, plus one article
 * of 50 KB with 2,000 annotations; runs each measure several times; prints
 * the medians beside their targets and writes them to bench/RESULTS.md with
 * the machine they ran on. UI figures come from the app's own performance
 * marks in Chromium (see uiBench.ts).
 *
 * Options:
 *   --quick            1,000 articles only, fewer runs (a minute or two)
 *   --sizes 1000,10000 library sizes
 *   --no-build         use the app already built in out/ (default: build it first)
 *   --app DIR          use the built app in DIR (DIR/main/host.js, DIR/renderer)
 *   --skip-text        leave out the quote detection / alignment table
 *   --text-only        only the quote detection / alignment table, the CPU time of quotes + speakers and the
 *                      seed corpus quote scores (no build, no browser; a minute or two)
 *   --skip-agreement   leave out the intercoder agreement figures
 *   --agreement-only   only the intercoder agreement figures (no build, no browser; a few seconds)
 *   --skip-sync        leave out the team sync figures
 *   --sync-only        only the team sync figures at each size (no build, no browser; a few minutes at 10,000)
 *   --results FILE     where to write the results (default bench/RESULTS.md; --quick writes none unless given)
 *   --write-library DIR  only write the first size's library into DIR (to look at it or profile;
 *                      --sizes 1: the 50 KB article with 2,000 annotations)
 *   --extraction-set DIR  score article extraction on this set (default bench/extraction-set; build a
 *                      larger one with scripts/buildExtractionSet.mjs)
 *   --extraction-only  only the article extraction figures (seconds, no build, no browser)
 *   --entities-only    only the people index figures (the largest size; no build, no browser)
 *   --import-only      the article extraction figures, then the import of 1,000 saved pages by the
 *                      built CLI (pages/s, CPU-seconds, peak RSS; builds the app unless --no-build)
 *   --scale-search build DIR  the word index of corpus search built from nothing on the library in DIR
 *                      (CPU, wall, peak RSS), then the first searches in this process
 *   --scale-search first DIR  a start, then the first search at once (no search screen readied first),
 *                      then the others (run `build` once before); --scale-wait-counts: the first search
 *                      only once the start's counts check is done (the search's own CPU alone)
 *   --ui-memory DIR    only the memory of host + renderer with the library in DIR open in Chromium (host and
 *                      renderer RSS, the page's JS heap through CDP; built app in --app, default out/)
 *   --align-scale DIR  only quotes, alignment and one-article incremental alignment through the built app on
 *                      the library in DIR (written by --write-library; the same figures `--sizes 100000` prints)
 *
 * Sizes above 10,000 (opt-in: --sizes 1000,10000,100000) measure quote detection and alignment through the
 * built CLI on their library (worker, cache, alignment index) instead of in-process, plus the one-article
 * incremental alignment against the index the full run leaves.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runAgreementBench } from './agreementBench';
import { runAlignScaleBench, runIncrementalAlignBench } from './alignScaleBench';
import { runSyncBench } from './syncBench';
import { runScaleBench, runSearchScaleBench } from './scaleBench';
import { machineDescription, median } from './benchStats';
import { childExport, measureExport, measureSave, measureSearch, searchQueries, type ExportFigures, type SaveFigures, type SearchFigures } from './storeBench';
import { syntheticCorpus } from './syntheticCorpus';
import { measureExtraction, measurePdf, printExtraction } from './extractionBench';
import { measureImport, printImport, writeImportPages } from './importBench';
import { runEntityIndexBench } from './entityIndexBench';
import { quoteCpuLine, runQuoteCacheBench, runTextBench } from './textBench';
import { scoreSeedQuotes, seedQuotesLine } from './seedQuotesEval';
import { launchBrowser, measureBigArticle, measureOpen, measureStart, measureUiMemory, type AddFigures, type OpenFigures, type StartFigures } from './uiBench';
import { writeBenchLibrary } from './writeBenchLibrary';

interface SizeFigures {
  size: number;
  annotations: number;
  start: StartFigures;
  open: OpenFigures;
  search: SearchFigures | null;
  exported: ExportFigures;
  save: SaveFigures;
}

const ms = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`) : '—');
const mb = (v: number): string => (Number.isFinite(v) ? `${Math.round(v)} MB` : '—');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      app: { type: 'string' },
      'skip-text': { type: 'boolean', default: false },
      'text-only': { type: 'boolean', default: false },
      'skip-agreement': { type: 'boolean', default: false },
      'agreement-only': { type: 'boolean', default: false },
      'skip-sync': { type: 'boolean', default: false },
      'sync-only': { type: 'boolean', default: false },
      results: { type: 'string' },
      corpus: { type: 'string', default: 'corpus' },
      'child-export': { type: 'boolean', default: false },
      'write-library': { type: 'string' },
      scale: { type: 'string' },
      'scale-no-search': { type: 'boolean', default: false },
      'scale-no-backups': { type: 'boolean', default: false },
      'scale-later': { type: 'boolean', default: false },
      'scale-search': { type: 'string' },
      'scale-wait-counts': { type: 'boolean', default: false },
      'extraction-set': { type: 'string', default: 'bench/extraction-set' },
      'extraction-only': { type: 'boolean', default: false },
      'entities-only': { type: 'boolean', default: false },
      'import-only': { type: 'boolean', default: false },
      'align-scale': { type: 'string' },
      'align-incremental': { type: 'string' },
      'ui-memory': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values['child-export']) {
    const [dataDir, outFile] = positionals;
    return childExport(dataDir!, outFile!);
  }

  if (values['ui-memory']) {
    // Host + renderer memory with the library in DIR open in Chromium (built app in --app, default out/).
    const browser = await launchBrowser();
    try {
      const m = await measureUiMemory(browser, resolve(values.app ?? 'out'), resolve(values['ui-memory']));
      console.log(`Library in ${values['ui-memory']} open in Chromium (host start → visible ${ms(m.visibleMs)}):`);
      console.log(`  memory: host + renderer ${mb(m.hostMb + m.rendererMb)} (target ≤ 800 MB at 100,000 articles): host ${mb(m.hostMb)} RSS, renderer ${mb(m.rendererMb)} RSS`);
      console.log(`  renderer's JS heap (CDP Performance.getMetrics): ${mb(m.jsHeapUsedMb)} used of ${mb(m.jsHeapTotalMb)}; ${m.nodes.toLocaleString('en')} DOM nodes`);
    } finally {
      await browser.close();
    }
    return;
  }

  if (values['align-incremental']) {
    await runIncrementalAlignBench(resolve(values['align-incremental']));
    return;
  }

  if (values['align-scale']) {
    console.log(`Quotes and alignment on the library in ${values['align-scale']} (built CLI in ${values.app ?? 'out'}):`);
    await runAlignScaleBench(resolve(values['align-scale']), resolve(values.app ?? 'out'));
    return;
  }

  if (values.scale) {
    console.log(`The core on the library in ${values.scale} (in-process):`);
    await runScaleBench(resolve(values.scale), { search: !values['scale-no-search'], backups: !values['scale-no-backups'], laterOnly: values['scale-later'] });
    return;
  }

  if (values['scale-search']) {
    const mode = values['scale-search'];
    if (mode !== 'build' && mode !== 'first') throw new Error(`--scale-search takes "build" or "first", not "${mode}"`);
    if (!values.scale && positionals.length !== 1) throw new Error('--scale-search build|first needs the library folder: --scale-search first DIR');
    console.log(`Corpus search on the library in ${positionals[0]} (in-process, ${mode}):`);
    await runSearchScaleBench(resolve(positionals[0]!), { build: mode === 'build', waitForCounts: values['scale-wait-counts'] });
    return;
  }

  if (values['entities-only']) {
    const size = Math.max(...(values.sizes ?? '10000').split(',').map(Number).filter((n) => n > 0));
    await runEntityIndexBench(syntheticCorpus(size, { seed: 1 }));
    return;
  }

  if (values['sync-only']) {
    const syncSizes = (values.sizes ?? (values.quick ? '1000' : '1000,10000')).split(',').map(Number).filter((n) => n > 0);
    const root = join(tmpdir(), 'triangulate-bench-sync');
    rmSync(root, { recursive: true, force: true });
    try {
      console.log('Team sync:');
      for (const size of syncSizes) await runSyncBench(root, size, values.quick ? 1 : 3);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    return;
  }

  const pdf = await measurePdf();
  const extractionLines = [
    ...printExtraction(measureExtraction(values['extraction-set'], values.quick ? 1 : 3), values['extraction-set']),
    `  PDF: ${pdf.pages} pages read in ${pdf.seconds.toFixed(2)} s (${pdf.cpuSeconds.toFixed(2)} CPU-seconds, which the machine's other load does not change; target <= 5 s), ${pdf.chars.toLocaleString('en')} characters of text`,
  ];
  console.log(extractionLines.join('\n'));
  if (values['extraction-only']) return;

  const quick = values.quick;
  const sizes = (values.sizes ?? (quick ? '1000' : '1000,10000')).split(',').map(Number).filter((n) => n > 0);
  const uiRuns = quick ? 3 : 5;
  const openRuns = quick ? 5 : 9;
  const saveRuns = quick ? 11 : 21;
  const lowdbRuns = quick ? 3 : 5;
  const benchScript = resolve(process.argv[1]!);
  if (values['write-library']) {
    const lib =
      sizes[0] === 1
        ? await writeBenchLibrary(resolve(values['write-library']), syntheticCorpus(1, { seed: 2, articleChars: 50_000 }), { annotationsPerArticle: 2000, seed: 9 })
        : await writeBenchLibrary(resolve(values['write-library']), syntheticCorpus(sizes[0]!, { seed: 1 }), { annotationsPerArticle: 10, seed: 7 });
    console.log(`${lib.articles} articles, ${lib.annotations} annotations written to ${lib.dataDir}`);
    return;
  }

  if (values['text-only']) {
    console.log('Quote detection and alignment:');
    runTextBench(sizes, quick ? 1 : 3, values.corpus, (size) => syntheticCorpus(size, { seed: 1 }));
    for (const size of sizes) console.log(quoteCpuLine(syntheticCorpus(size, { seed: 1 })));
    console.log(seedQuotesLine(scoreSeedQuotes(values.corpus)));
    return;
  }

  if (values['agreement-only']) {
    const root = join(tmpdir(), 'triangulate-bench-agreement');
    rmSync(root, { recursive: true, force: true });
    try {
      console.log('Intercoder agreement:');
      await runAgreementBench(root, quick ? 3 : 5);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    return;
  }

  let appDir = resolve(values.app ?? 'out');
  if (!values.app && !values['no-build']) {
    console.log('Building the app (electron-vite build)…');
    const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('electron-vite build failed');
    appDir = resolve('out');
  }

  const root = join(tmpdir(), 'triangulate-bench');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // The import of saved pages through the built CLI (its workers and the store): pages/s, CPU and peak RSS.
  const importPages = join(root, 'import-pages');
  const importKb = writeImportPages(values['extraction-set'], importPages, quick ? 300 : 1000);
  const importLines = printImport(await measureImport(appDir, importPages, join(root, 'import-data'), importKb));
  console.log(importLines.join('\n'));
  extractionLines.push(...importLines);
  if (values['import-only']) return;
  const started = new Date();
  const loadAtStart = loadavg()[0]!;
  const browser = await launchBrowser();
  const perSize: SizeFigures[] = [];
  let big!: AddFigures;
  try {
    for (const size of sizes) {
      const t0 = performance.now();
      const corpus = syntheticCorpus(size, { seed: 1 });
      const lib = await writeBenchLibrary(join(root, `library-${size}`), corpus, { annotationsPerArticle: 10, seed: 7 });
      console.log(`\n${size} articles, ${lib.annotations} annotations, ${(lib.textBytes / 2 ** 20).toFixed(1)} MB of text: written in ${Math.round(performance.now() - t0)} ms`);
      const start = await measureStart(browser, appDir, lib.dataDir, uiRuns);
      console.log(`  host start → library visible: ${ms(median(start.startMs))}; host + renderer ${mb(start.memory.hostMb + start.memory.rendererMb)}`);
      const open = await measureOpen(browser, appDir, lib.dataDir, openRuns);
      console.log(`  open an article: ${ms(median(open.openMs))}`);
      const search = await measureSearch(lib.dataDir, await searchQueries(lib.dataDir));
      console.log(`  search: ${search ? ms(median(search.queryMs)) : 'no searchCorpus'}`);
      const exported = await measureExport(benchScript, lib.dataDir, join(root, `export-${size}.json`), uiRuns);
      console.log(`  W3C export: ${ms(exported.ms)}, peak ${mb(exported.peakMb)} (library open: ${mb(exported.openMb)})`);
      const save = await measureSave(lib.dataDir, saveRuns, lowdbRuns);
      console.log(`  save one annotation: ${ms(median(save.coreMs))} (lowdb single file: ${ms(median(save.lowdbMs))})`);
      perSize.push({ size, annotations: lib.annotations, start, open, search, exported, save });
    }
    const bigCorpus = syntheticCorpus(1, { seed: 2, articleChars: 50_000 });
    const bigLib = await writeBenchLibrary(join(root, 'big-article'), bigCorpus, { annotationsPerArticle: 2000, seed: 9 });
    big = await measureBigArticle(browser, appDir, bigLib.dataDir, openRuns);
    console.log(`\n50 KB article, 2,000 annotations: open ${ms(median(big.openMs))}, add → drawn ${ms(median(big.drawMs))}`);
  } finally {
    await browser.close();
  }

  const table = scaleTable(perSize, big);
  console.log(`\n${table.join('\n')}`);

  let textLines: string[] = [];
  if (!values['skip-text']) {
    console.log('\nQuote detection and alignment:');
    // In-process up to 10,000 articles; larger libraries through the built CLI (worker, caches, index).
    const inProcess = sizes.filter((n) => n <= IN_PROCESS_TEXT_MAX);
    textLines = runTextBench(inProcess, quick ? 1 : 3, values.corpus, (size) => syntheticCorpus(size, { seed: 1 }));
    for (const line of await runQuoteCacheBench(syntheticCorpus(Math.max(...inProcess, 1000), { seed: 1 }))) textLines.push(line);
    for (const size of sizes.filter((n) => n > IN_PROCESS_TEXT_MAX)) {
      textLines.push('', `${size.toLocaleString('en')} articles, through the built CLI (issue 20):`);
      for (const line of await runAlignScaleBench(join(root, `library-${size}`), appDir)) textLines.push(`  ${line}`);
    }
    const largest = Math.max(...inProcess, 1000);
    for (const line of await runEntityIndexBench(syntheticCorpus(largest, { seed: 1 }))) textLines.push(line);
    textLines.push(quoteCpuLine(syntheticCorpus(largest, { seed: 1 })));
    textLines.push(seedQuotesLine(scoreSeedQuotes(values.corpus)));
    console.log(textLines.slice(-2).join('\n'));
  }
  let agreementLines: string[] = [];
  if (!values['skip-agreement']) {
    console.log('\nIntercoder agreement:');
    agreementLines = await runAgreementBench(root, quick ? 3 : 5);
  }
  if (!values['skip-sync']) {
    console.log('\nTeam sync:');
    agreementLines = [...agreementLines, '', 'Team sync:'];
    for (const size of sizes) agreementLines.push(...(await runSyncBench(root, size, quick ? 1 : 3)));
  }
  textLines = [...textLines, '', ...extractionLines];
  rmSync(root, { recursive: true, force: true });

  const resultsFile = values.results ?? (quick ? null : 'bench/RESULTS.md');
  if (!resultsFile) return;
  writeFileSync(
    resultsFile,
    resultsMarkdown({ table, textLines, agreementLines, started, quick, sizes, peakRssMb: process.resourceUsage().maxRSS / 1024, load: [loadAtStart, loadavg()[0]!] }),
  );
  console.log(`\nWritten to ${resultsFile}.`);
}

/** Text measures run in-process up to this many articles; beyond, through the built CLI. */
const IN_PROCESS_TEXT_MAX = 10_000;

const exportAddedMb = (f: SizeFigures): number => f.exported.peakMb - f.exported.openMb;

/** The memory target of the largest size: 500 MB up to 10,000 articles, 800 MB at 100,000 (issue 20). */
const memoryLimitMb = (perSize: readonly SizeFigures[]): number => ((perSize[perSize.length - 1]?.size ?? 0) >= 100_000 ? 800 : 500);

function scaleTable(perSize: readonly SizeFigures[], big: AddFigures): string[] {
  const cols = perSize.map((f) => `${f.size.toLocaleString('en')} articles`);
  const rows: string[][] = [];
  const verdictOf = (value: number, limit: number): string => (Number.isFinite(value) ? (value <= limit ? 'yes' : 'NO') : '—');
  const last = (pick: (f: SizeFigures) => number): number => (perSize.length > 0 ? pick(perSize[perSize.length - 1]!) : Number.NaN);
  const row = (measure: string, target: string, cells: string[], verdict: string) => rows.push([measure, target, ...cells, verdict]);

  row('save one annotation until durable (core createAnnotation)', '≤ 10 ms', perSize.map((f) => `${ms(median(f.save.coreMs))} (${f.save.storedAnnotations.toLocaleString('en')} stored)`), verdictOf(last((f) => median(f.save.coreMs)), 10));
  row(
    '  same save, plain single-file lowdb (JSONFile + fsync)',
    'for the ratio',
    perSize.map((f) => `${ms(median(f.save.lowdbMs))} (${Math.round(f.save.lowdbFileMb)} MB file, ×${(median(f.save.lowdbMs) / median(f.save.coreMs)).toFixed(0)})`),
    '',
  );
  row(
    'browser host start → library list visible',
    '≤ 1.5 s',
    perSize.map((f) => `${ms(median(f.start.startMs))} (very first start, no counts.json yet: ${ms(f.start.startMs[0] ?? Number.NaN)})`),
    verdictOf(last((f) => median(f.start.startMs)), 1500),
  );
  row(
    '  very first start (no counts.json yet: counted in the background) → library visible',
    '≤ 5 s',
    perSize.map((f) => ms(f.start.startMs[0] ?? Number.NaN)),
    verdictOf(last((f) => f.start.startMs[0] ?? Number.NaN), 5000),
  );
  row('  of which: host process ready (HTTP listening)', '', perSize.map((f) => ms(median(f.start.hostReadyMs))), '');
  const withFirst = (runs: readonly number[]) => `${ms(median(runs))} (first: ${ms(runs[0] ?? Number.NaN)})`;
  row('open an article from the library (click → text + highlights painted)', '≤ 150 ms', perSize.map((f) => withFirst(f.open.openMs)), verdictOf(last((f) => median(f.open.openMs)), 150));
  const single = (v: string) => (perSize.length === 0 ? [v] : perSize.map((_, i) => (i === perSize.length - 1 ? v : '')));
  row('50 KB article with 2,000 annotations: open', '≤ 300 ms', single(withFirst(big.openMs)), verdictOf(median(big.openMs), 300));
  row('  add one annotation: key press → drawn (painted; drawn while it is saved)', '≤ 16 ms', single(ms(median(big.drawMs))), verdictOf(median(big.drawMs), 16));
  row('  of which: drawing it (boxes in a layer over the text)', '', single(ms(median(big.layerMs))), '');
  row('  key press → saved annotation back from the core (in the background)', '', single(ms(median(big.savedMs))), '');
  const searchCells = perSize.map((f) => (f.search ? `${ms(median(f.search.queryMs))} (first query ${ms(f.search.firstMs)})` : 'not measured: no search yet'));
  row('corpus-wide text search (searchCorpus), per query', '≤ 200 ms', searchCells, verdictOf(last((f) => (f.search ? median(f.search.queryMs) : Number.NaN)), 200));
  row(
    'W3C export, streamed (streamExport), peak RSS of the exporting process',
    '≤ 3 s, memory flat',
    perSize.map((f) => `${ms(f.exported.ms)}, ${f.exported.annotations.toLocaleString('en')} annotations, peak ${mb(f.exported.peakMb)}`),
    verdictOf(last((f) => f.exported.ms), 3000),
  );
  row(
    '  memory the export adds: peak RSS − RSS with the library open',
    'flat: 10× the annotations, < 2× the memory',
    perSize.map((f) => `+${mb(exportAddedMb(f))} (library open: ${mb(f.exported.openMb)})`),
    perSize.length < 2 ? '—' : exportAddedMb(perSize[perSize.length - 1]!) < 2 * exportAddedMb(perSize[0]!) ? 'yes' : 'NO',
  );
  row(
    'memory: host + renderer, library open',
    memoryLimitMb(perSize) === 500 ? '≤ 500 MB' : '≤ 800 MB at 100,000',
    perSize.map((f) => `${mb(f.start.memory.hostMb + f.start.memory.rendererMb)} (host ${mb(f.start.memory.hostMb)}, renderer ${mb(f.start.memory.rendererMb)}, JS heap ${mb(f.start.memory.jsHeapMb)})`),
    verdictOf(last((f) => f.start.memory.hostMb + f.start.memory.rendererMb), memoryLimitMb(perSize)),
  );

  const header = ['measure (median)', 'target', ...(cols.length > 0 ? cols : ['figure']), 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

function resultsMarkdown(r: { table: string[]; textLines: string[]; agreementLines: string[]; started: Date; quick: boolean; sizes: number[]; peakRssMb: number; load: number[] }): string {
  return `# Benchmark results

Latest \`npm run bench${r.quick ? ' -- --quick' : ''}\` (bench/runBench.ts), started ${r.started.toISOString()}.

Machine: ${machineDescription()}. Load average (1 min) at the start and the end of the run: ${r.load.map((l) => l.toFixed(2)).join(' and ')}.

Synthetic libraries (fixed seeds): ${r.sizes.map((s) => s.toLocaleString('en')).join(' and ')} articles of ~5 KB with 10 annotations each, written
as real data folders; one article of 50 KB with 2,000 annotations. Medians of several runs. UI figures are
measured in Chromium (headless, through Playwright) from the app's own performance marks, painted frames;
the browser is open before the host starts. Saves are timed until \`createAnnotation\` returns (the article's
file written atomically and fsync'd); rolling backups are off for the save measure.

${r.table.join('\n')}

## Quote detection and alignment

\`\`\`
${r.textLines.join('\n')}
\`\`\`

## Intercoder agreement (1,000 articles × 3 coders, target ≤ 2 s)

\`\`\`
${r.agreementLines.join('\n')}
\`\`\`

Peak RSS of the bench process: ${Math.round(r.peakRssMb)} MB.
`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
