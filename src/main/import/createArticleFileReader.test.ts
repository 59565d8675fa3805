/**
 * Cases 1 and 2 of issue 19: hostile Markdown and HTML cannot take the core
 * down. The import worker is built here the way the app's build bundles it
 * and run in a real worker thread.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { readArticleFile } from './readArticleFile';
import { createArticleFileReader, prepareDrafts } from './createArticleFileReader';
import { articleTitle, canonicalArticleText } from '../../shared/model/canonicalText';
import { checkDataFileBytes } from '../store/largeFileChecks';
import { textFileContents } from '../store/textFileContents';
import { SCHEMA_VERSION } from '../../shared/model/model';
import { findQuoteInLibrary } from '../../shared/formats/w3c/findQuoteInLibrary';
import { textHash } from '../store/textHash';
import { buildImportWorker } from '../../../tools/testSupport/buildImportWorker';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CORPUS = join(ROOT, 'corpus');

let dir: string;
let workerFile: string;
let removeWorker: () => Promise<void>;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-import-worker-'));
  ({ workerFile, remove: removeWorker } = await buildImportWorker());
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await removeWorker();
});

/** n list levels, one item a line, each indented two more columns: 3,000 levels make the 9 MB file of the issue. */
const nestedList = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');
const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('createArticleFileReader with the built worker', () => {
  it('reads ordinary files exactly as in-process, their texts made canonical and hashed there', async () => {
    const reader = createArticleFileReader({ workerFile });
    try {
      for (const [name, text] of [
        ['a.md', '# Title\n\nBody with *emphasis*.\n\n- one\n  - two\n'],
        ['b.html', '<html lang="de"><title>T</title><body><article><p>One.</p><p>Two.</p></article></body></html>'],
        ['c.jsonl', '{"title":"x","text":"A text."}\n'],
        ['d.txt', 'Plain.'],
        ['e.txt', 'Windows\r\nline breaks.\r\n'],
        // Its base64 text is longer than a part (1 MiB): it crosses in parts.
        ['f.txt', `Long.\r\n${'A sentence of a long text. '.repeat(60_000)}`],
      ] as const) {
        const read = await reader.read(name, { base64: base64(text) });
        expect(read).toEqual(prepareDrafts(await readArticleFile(name, bytes(text))));
        if (!read.ok) throw new Error(read.reason);
        const canonical = canonicalArticleText((await readArticleFile(name, bytes(text)) as { drafts: { text: string }[] }).drafts[0]!.text);
        expect(read.drafts[0]!.text).toBe(canonical.text);
        expect(read.prepared).toEqual([{ date: canonical.date, hash: textHash(canonical.text), title: articleTitle(canonical.text) }]);
      }
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('reads a file whose bytes are handed over (the CLI: no base64) as it reads its base64 text, and takes the bytes', async () => {
    const reader = createArticleFileReader({ workerFile });
    try {
      const page = `<html lang="es"><head><title>Anticipo</title></head><body><nav>Menú</nav><article>${'<p>Una frase del artículo, con acentos y eñes. </p>'.repeat(200)}</article></body></html>`;
      const handed = new Uint8Array(Buffer.from(page, 'utf8'));
      const read = await reader.read('page.html', handed, { handOver: true });
      expect(read).toEqual(await reader.read('page.html', { base64: base64(page) }));
      expect(read).toEqual(prepareDrafts(await readArticleFile('page.html', bytes(page))));
      // Handed over, not copied: the caller's view of them is empty.
      expect(handed.byteLength).toBe(0);
      // Bytes not handed over stay the caller's.
      const kept = new Uint8Array(Buffer.from(page, 'utf8'));
      expect(await reader.read('page.html', kept)).toEqual(read);
      expect(kept.byteLength).toBe(Buffer.byteLength(page));
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('reads a file given by its path (the CLI) in the worker as it reads its bytes; a device, a pipe, a missing or too large file is refused by name of what it is', async () => {
    const reader = createArticleFileReader({ workerFile });
    try {
      const page = `<html lang="es"><head><title>Anticipo</title></head><body><nav>Menú</nav><article>${'<p>Una frase del artículo, con acentos y eñes. </p>'.repeat(200)}</article></body></html>`;
      const path = join(dir, 'by-path.html');
      await fs.writeFile(path, page);
      expect(await reader.read('page.html', { path })).toEqual(prepareDrafts(await readArticleFile('page.html', bytes(page))));
      const pipe = join(dir, 'pipe.html');
      const { execFileSync } = await import('node:child_process');
      execFileSync('mkfifo', [pipe]);
      const big = join(dir, 'big.txt');
      await fs.writeFile(big, Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
      expect(await reader.read('zero.html', { path: '/dev/zero' })).toEqual({ ok: false, reason: expect.stringMatching(/^it is a device/) });
      expect(await reader.read('pipe.html', { path: pipe })).toEqual({ ok: false, reason: expect.stringMatching(/^it is a named pipe/) });
      expect(await reader.read('gone.html', { path: join(dir, 'gone.html') })).toEqual({ ok: false, reason: 'cannot be read: it does not exist' });
      expect(await reader.read('big.txt', { path: big })).toEqual({ ok: false, reason: expect.stringMatching(/over the 20 MB limit/) });
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('looks for quotes in the library in the worker, with the same answers as in-process, many quotes in pieces', async () => {
    const reader = createArticleFileReader({ workerFile });
    try {
      const texts: [string, string][] = [
        ['a', 'The minister said the plan would go ahead. Nobody else spoke.'],
        ['b', 'A reporter said the plan would go ahead, and the minister agreed.'],
        // Longer than a part (1 MiB): it crosses in parts, put together again in order.
        ['c', `${'filler words '.repeat(200_000)}a needle at the end`],
      ];
      const quotes = Array.from({ length: 1_234 }, (_, i) =>
        i % 3 === 0 ? { exact: 'the plan would go ahead', prefix: 'minister said ', suffix: '.' } : i % 3 === 1 ? { exact: 'Nobody else spoke' } : { exact: `missing ${i}` },
      );
      const found = await reader.findQuotes!({ texts, quotes });
      expect(found).toEqual({ ok: true, value: quotes.map((q) => findQuoteInLibrary(new Map(texts), q)) });
      expect(found.ok && found.value.slice(0, 3)).toEqual([{ found: 'a' }, { found: 'a' }, { missing: true }]);
      expect(await reader.findQuotes!({ texts, quotes: [{ exact: 'a needle at the end' }] })).toEqual({ ok: true, value: [{ found: 'c' }] });
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('refuses a quote search that takes longer than the time limit', async () => {
    const reader = createArticleFileReader({ workerFile, timeLimitMs: 1_000 });
    try {
      // No quote occurs in the 6 MB text, but every one's first 16 characters occur at every place of it, so each
      // is compared there: minutes of work on any machine. (Short quotes share one scan per length: no longer slow.)
      const long = 'a'.repeat(6_000_000);
      const quotes = Array.from({ length: 20_000 }, (_, i) => ({ exact: `${'a'.repeat(20)}b${i}`, prefix: 'a', suffix: 'a' }));
      const found = await reader.findQuotes!({ texts: [['long', long]], quotes });
      expect(found).toEqual({ ok: false, reason: expect.stringMatching(/took longer than 1 s .*the limit for one import/) });
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('refuses a file that takes longer than the time limit, and the core keeps answering meanwhile', async () => {
    // Without the nesting pre-scan, 1,000 nested list levels keep the Markdown parser busy for many seconds.
    const reader = createArticleFileReader({ workerFile, checkNesting: false, timeLimitMs: 2_000 });
    const core = await createCore({ dataDir: join(dir, 'slow'), corpusDir: CORPUS, backups: false, articleFileReader: reader });
    try {
      const before = (await core.listArticles({})).length;
      let importDone = false;
      const importing = core.importArticles({ files: [{ name: 'hostile.md', data: base64(nestedList(1_000)) }] }).finally(() => (importDone = true));
      await new Promise((r) => setTimeout(r, 200));
      const asked = performance.now();
      await core.getDataHealth({});
      const answeredMs = performance.now() - asked;
      const healthAnsweredFirst = !importDone;
      const report = await importing;
      console.log(`health answered in ${answeredMs.toFixed(1)} ms while a hostile Markdown file was being parsed`);
      expect(healthAnsweredFirst).toBe(true);
      expect(report.failures).toEqual([{ file: 'hostile.md', reason: 'it took longer than 2 s to read (the limit for one file); nothing was read' }]);
      expect(report.imported).toEqual([]);
      expect((await core.listArticles({})).length).toBe(before);
      // The next file gets a new worker.
      const next = await core.importArticles({ files: [{ name: 'fine.md', data: base64('# Fine\n\nA fine article.') }] });
      expect(next).toMatchObject({ failures: [] });
      expect(next.imported.map((i) => i.title)).toEqual(['Fine']);
    } finally {
      await core.close();
    }
  }, 30_000);

  it('reads files on two workers at once: each answer is its own file, and a request that hangs one worker does not hold up the next files', async () => {
    const reader = createArticleFileReader({ workerFile, workers: 2, timeLimitMs: 4_000 });
    try {
      // No quote occurs in the 6 MB text, but every one's first 16 characters occur at every place of it, so each
      // is compared there: minutes of work on any machine, which keeps one worker busy until the time limit.
      const long = 'a'.repeat(6_000_000);
      const quotes = Array.from({ length: 20_000 }, (_, i) => ({ exact: `${'a'.repeat(20)}b${i}`, prefix: 'a', suffix: 'a' }));
      const hostile = reader.findQuotes!({ texts: [['long', long]], quotes });
      let hostileDone = false;
      void hostile.then(() => (hostileDone = true));
      const names = Array.from({ length: 6 }, (_, i) => `page-${i}.html`);
      const fine = await Promise.all(
        names.map((name, i) => reader.read(name, { base64: base64(`<html><body><article><h1>Story ${i}</h1><p>The text of story number ${i}.</p></article></body></html>`) })),
      );
      expect(hostileDone).toBe(false);
      expect(fine.map((r) => (r.ok ? r.drafts[0]!.text.split('\n\n').at(-1) : r.reason))).toEqual(names.map((_, i) => `The text of story number ${i}.`));
      expect(await hostile).toEqual({ ok: false, reason: expect.stringMatching(/took longer than 4 s .*the limit for one import/) });
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('refuses a file that needs more memory than the cap, naming the cap', async () => {
    const reader = createArticleFileReader({ workerFile, checkNesting: false, memoryLimitMb: 48, timeLimitMs: 60_000 });
    try {
      const result = await reader.read('hungry.md', bytes(nestedList(1_500)));
      console.log(`1,500 nested list levels under a 48 MB cap: ${result.ok ? 'read' : result.reason}`);
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/needs more than 48 MB of memory|too deeply nested to read/) });
    } finally {
      await reader.close();
    }
  }, 60_000);
});

describe('check (large data files) with the built worker', () => {
  it('gives the verdicts and messages of the in-process check, and a good text whole (sent back in parts)', async () => {
    const reader = createArticleFileReader({ workerFile });
    const text = `First line 😀.\n${'A sentence of a long text, “quoted”. '.repeat(70_000)}`;
    const fileBytes = (value: object): Buffer => Buffer.from([...textFileContents(value as never)].join(''), 'utf8');
    const good = { schemaVersion: SCHEMA_VERSION, id: 'art_big', text };
    const cases: [string, Buffer, Parameters<typeof checkDataFileBytes>[2]][] = [
      ['texts/art_big.json', fileBytes(good), { expectedTextHash: textHash(text) }],
      ['texts/art_big.json', fileBytes(good), { expectedTextHash: textHash(`${text}.`) }],
      ['texts/art_big.json', fileBytes({ ...good, id: 'art_other' }), { expectedTextHash: textHash(text) }],
      ['texts/art_big.json', Buffer.concat([fileBytes(good).subarray(0, 2_000_000), Buffer.from('}')]), undefined],
      ['texts/art_big.json', fileBytes(good), undefined],
    ];
    try {
      for (const [relPath, bytes, against] of cases) {
        const expected = checkDataFileBytes(relPath, bytes, against, true);
        // The bytes are handed over to the worker: it gets a copy of its own here.
        expect(await reader.check(relPath, new Uint8Array(bytes), against, true)).toEqual(expected);
        expect((await reader.check(relPath, new Uint8Array(bytes), against, false)).problem).toBe(expected.problem);
      }
      expect(((await reader.check('texts/art_big.json', new Uint8Array(fileBytes(good)), undefined, true)).value as { text: string }).text).toBe(text);
      expect(checkDataFileBytes('texts/art_big.json', fileBytes(good), { expectedTextHash: 'nope' }, false).problem).toMatch(/does not match the hash/);
    } finally {
      await reader.close();
    }
  }, 60_000);
});

describe('importW3C with the built worker', () => {
  const collection = (quotes: string[]) => ({
    type: 'AnnotationCollection',
    items: quotes.map((exact, i) => ({
      id: `urn:uuid:q-${i}`,
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Quote' }],
      target: { selector: [{ type: 'TextQuoteSelector', exact }] },
    })),
  });

  it('finds the articles of annotations that name none by their quotes in the worker, as in-process', async () => {
    const reports = [];
    for (const worker of [workerFile, null]) {
      const core = await createCore({ dataDir: join(dir, `w3c-${worker ? 'worker' : 'here'}`), corpusDir: CORPUS, backups: false, importWorkerFile: worker });
      try {
        const [first, second] = await core.listArticles({});
        const texts = [(await core.getArticle({ id: first!.id })).text, (await core.getArticle({ id: second!.id })).text];
        const quotes = [texts[0]!.slice(100, 160), texts[1]!.slice(200, 240), 'words that are in no article of the library at all'];
        const report = await core.importW3C({ collection: collection(quotes) });
        const imported = (await Promise.all([first!, second!].map((a) => core.listAnnotations({ articleId: a.id })))).map((list) => list.map((a) => a.exact));
        expect(imported).toEqual([[quotes[0]], [quotes[1]]]);
        reports.push(report);
      } finally {
        await core.close();
      }
    }
    expect(reports[0]).toEqual(reports[1]);
    expect(JSON.stringify(reports[0])).toMatch(/no article of the library holds its quote/);
  }, 60_000);

  it('plans an import from the bytes of its body in the worker (importW3CBytes) with the report and annotations of the call', async () => {
    const results = [];
    for (const way of ['call', 'bytes'] as const) {
      const now = () => new Date(Date.UTC(2024, 0, 1));
      const core = await createCore({ dataDir: join(dir, `w3c-bytes-${way}`), corpusDir: CORPUS, backups: false, importWorkerFile: workerFile, now });
      try {
        const [first, second] = await core.listArticles({});
        const texts = [(await core.getArticle({ id: first!.id })).text, (await core.getArticle({ id: second!.id })).text];
        // Over 500 items: the plan's problem lines come back in slices.
        const quotes = [texts[0]!.slice(100, 160), texts[1]!.slice(200, 240), ...Array.from({ length: 1_200 }, (_, i) => `words that are in no article of the library, ${i}`)];
        const input = { collection: collection(quotes) };
        const report = way === 'call' ? await core.importW3C(input) : await core.importW3CBytes!(Buffer.from(JSON.stringify(input)), 'body');
        const imported = (await Promise.all([first!, second!].map((a) => core.listAnnotations({ articleId: a.id })))).map((list) => list.map(({ id: _id, ...a }) => a));
        results.push({ report, imported });
      } finally {
        await core.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.report.annotationsImported).toBe(2);
    expect(results[0]!.report.problems).toHaveLength(1_200);
  }, 60_000);

  it('refuses an import whose plan takes longer than the time limit, naming it, and changes nothing', async () => {
    const reader = createArticleFileReader({ workerFile, timeLimitMs: 1_000 });
    const core = await createCore({ dataDir: join(dir, 'w3c-slow'), corpusDir: CORPUS, backups: false, articleFileReader: reader });
    try {
      const [first] = await core.listArticles({});
      // A 1 MB text of "aaa…" in the library, and 20,000 quotes "aaa…ab<n>" that are in no text but whose first 16
      // characters occur at every place of it, so each is compared there — tens of seconds of work on any machine,
      // far past the second allowed.
      const filler = await core.importArticles({ files: [{ name: 'filler.txt', data: base64('a'.repeat(1_000_000)) }] });
      expect(filler.imported).toHaveLength(1);
      const quotes = Array.from({ length: 20_000 }, (_, i) => `${'a'.repeat(20)}b${i}`);
      const bytes = Buffer.from(JSON.stringify({ collection: collection([(await core.getArticle({ id: first!.id })).text.slice(100, 160), ...quotes]) }));
      const error = await core.importW3CBytes!(bytes, 'body').then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/^This annotation file took longer than 1 s to import \(the limit for one file\)\. Nothing was changed/);
      expect(await core.listAnnotations({ articleId: first!.id })).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('importArticles and hostile files (with the built worker)', () => {
  it('refuses 3,000 nested Markdown list levels (the 9 MB file that took the host down) at once, storing nothing', async () => {
    const core = await createCore({ dataDir: join(dir, 'md'), corpusDir: CORPUS, backups: false, importWorkerFile: workerFile });
    try {
      const md = nestedList(3_000);
      expect(md.length).toBeGreaterThan(9_000_000);
      const report = await core.importArticles({ files: [{ name: 'nested.md', data: base64(md) }, { name: 'ok.txt', data: base64('A fine text.') }] });
      expect(report.failures).toEqual([{ file: 'nested.md', reason: expect.stringMatching(/^it is too deeply nested: more than 100 levels .*\(at line 101\)/) }]);
      expect(report.imported.map((i) => i.file)).toEqual(['ok.txt']);
    } finally {
      await core.close();
    }
  }, 30_000);

  it('refuses 100,000 nested HTML elements at once (parse time grew with the square of the depth)', async () => {
    const core = await createCore({ dataDir: join(dir, 'html'), corpusDir: CORPUS, backups: false, importWorkerFile: workerFile });
    try {
      const html = `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
      const started = performance.now();
      const report = await core.importArticles({ files: [{ name: 'deep.html', data: base64(html) }] });
      console.log(`100,000-level HTML refused in ${(performance.now() - started).toFixed(0)} ms`);
      expect(report.failures).toEqual([{ file: 'deep.html', reason: expect.stringMatching(/^it is too deeply nested: more than 400 levels/) }]);
      expect(report.imported).toEqual([]);
    } finally {
      await core.close();
    }
  }, 30_000);
});

describe('importArticles from the bytes of its body (importArticlesBytes) with the built worker', () => {
  it('imports what the call imports (a long text, a bad file, a file whose data is not base64), the files\' bytes handed from worker to worker', async () => {
    const long = `A long text.\n\n${'A sentence of a long text. '.repeat(80_000)}`;
    const files = [
      { name: 'long.txt', data: base64(long) },
      { name: 'short.md', data: base64('# Short\n\nA short one.') },
      { name: 'broken.txt', data: 'not base64!' },
      { name: 'binary.txt', data: Buffer.from([0, 1, 2, 3, 0xff]).toString('base64') },
    ];
    const results = [];
    for (const way of ['call', 'bytes'] as const) {
      const core = await createCore({ dataDir: join(dir, `articles-bytes-${way}`), corpusDir: CORPUS, backups: false, importWorkerFile: workerFile });
      try {
        const report = way === 'call' ? await core.importArticles({ files }) : await core.importArticlesBytes(Buffer.from(JSON.stringify({ files })));
        const texts = await Promise.all(report.imported.map(async (a) => (await core.getArticle({ id: a.id })).text));
        results.push({ report, texts });
      } finally {
        await core.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.report.imported.map((a) => a.file)).toEqual(['long.txt', 'short.md']);
    expect(results[0]!.texts[0]).toBe(canonicalArticleText(long).text);
    expect(results[0]!.report.failures.map((f) => f.file)).toEqual(['broken.txt', 'binary.txt']);
    expect(results[0]!.report.failures[0]!.reason).toMatch(/not base64/);
  }, 60_000);

  it('refuses a body that is not an importArticles input as the call does, naming the field, and stores nothing', async () => {
    const core = await createCore({ dataDir: join(dir, 'articles-bytes-refused'), corpusDir: CORPUS, backups: false, importWorkerFile: workerFile });
    try {
      const before = (await core.listArticles({})).length;
      await expect(core.importArticlesBytes(Buffer.from(JSON.stringify({ files: [{ name: 'a.txt' }] })))).rejects.toThrow(/Invalid input for importArticles: .*data/);
      await expect(core.importArticlesBytes(Buffer.from(`{"files":${'['.repeat(100_000)}${']'.repeat(100_000)}}`))).rejects.toThrow(/The request body was refused: .*nested/);
      expect(await core.listArticles({})).toHaveLength(before);
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('readJson with the built worker (request bodies, W3C and project files)', () => {
  it('gives back a large collection whole (its items sent in pieces) and an empty body as no input', async () => {
    const reader = createArticleFileReader({ workerFile });
    try {
      const collection = {
        type: 'AnnotationCollection',
        first: { items: Array.from({ length: 2_345 }, (_, i) => ({ id: `urn:a:${i}`, target: { selector: [{ type: 'TextQuoteSelector', exact: `quote ${i}` }] } })) },
      };
      const body = { collection, options: { createTags: true } };
      expect(await reader.readJson(bytes(JSON.stringify(body)), 'body')).toEqual({ ok: true, value: body });
      expect(await reader.readJson(bytes('  '), 'body')).toEqual({ ok: true, value: undefined });
      expect(await reader.readJson(bytes(JSON.stringify(collection)), 'annotationFile')).toEqual({ ok: true, value: collection });
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('refuses JSON nested past the limit before parsing it, and text that is not JSON without quoting it', async () => {
    const reader = createArticleFileReader({ workerFile });
    try {
      const deep = `{"collection":${'['.repeat(500_000)}${']'.repeat(500_000)}}`;
      expect(await reader.readJson(bytes(deep), 'body')).toEqual({ ok: false, reason: expect.stringMatching(/^it is too deeply nested: more than 100 levels/) });
      expect(await reader.readJson(bytes(deep), 'annotationFile')).toEqual({ ok: false, reason: expect.stringMatching(/^it is too deeply nested/) });
      const notJson = await reader.readJson(bytes('secret first line\n{'), 'body');
      expect(notJson).toEqual({ ok: false, reason: expect.stringMatching(/^The request body is not valid JSON: /) });
      expect(JSON.stringify(notJson)).not.toContain('secret');
    } finally {
      await reader.close();
    }
  });

  it('refuses JSON that needs more memory than the cap, naming the cap, and reads the next one', async () => {
    const reader = createArticleFileReader({ workerFile, memoryLimitMb: 96 });
    try {
      const hungry = `[${Array.from({ length: 2_000_000 }, (_, i) => `{"n":${i}}`).join(',')}]`;
      expect(await reader.readJson(bytes(hungry), 'body')).toEqual({ ok: false, reason: expect.stringMatching(/needs more than 96 MB of memory/) });
      expect(await reader.readJson(bytes('{"a":1}'), 'body')).toEqual({ ok: true, value: { a: 1 } });
    } finally {
      await reader.close();
    }
  }, 60_000);
});
