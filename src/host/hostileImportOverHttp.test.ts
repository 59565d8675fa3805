/**
 * Issue 19: the API keeps answering while a hostile file is imported over
 * HTTP. The host runs as `npm run serve` runs it — the import worker built,
 * large bodies parsed in one, files read in another — and while a 12 MB
 * request carrying a Markdown file that keeps its parser busy is handled,
 * getDataHealth is asked again and again. Asserted: every answer comes, well
 * before the import ends, within a generous 5 s (timings are printed by
 * scripts/importResponsiveness.mjs, not asserted here); and a body nested too
 * deeply is refused with a clear line.
 */
import * as fs from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../main/core/createCore';
import { createArticleFileReader, type ArticleFileReader } from '../main/import/createArticleFileReader';
import { build } from 'vite';
import { createHostServer } from './createHostServer';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join(ROOT, 'corpus');

/** The import worker built as the app's build bundles it, inside node_modules (so it finds its packages). */
async function buildImportWorker(): Promise<{ workerFile: string; remove: () => Promise<void> }> {
  await fs.mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const outDir = await fs.mkdtemp(join(ROOT, 'node_modules', '.cache', 'import-worker-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: join(ROOT, 'src/main/import/importWorker.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'importWorker.mjs', inlineDynamicImports: true } },
    },
  });
  return { workerFile: join(outDir, 'importWorker.mjs'), remove: () => fs.rm(outDir, { recursive: true, force: true }) };
}
const TOKEN = 'hostile-import-token-0123456789';
let dir: string;
let removeWorker: () => Promise<void>;
let core: Core;
let bodyReader: ArticleFileReader;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-hostile-http-'));
  await fs.writeFile(join(dir, 'index.html'), '<!doctype html><title>Triangulate</title>');
  const built = await buildImportWorker();
  removeWorker = built.remove;
  // Without the nesting pre-scan the Markdown parser is kept busy until the time limit: the worst a file can do.
  const fileReader = createArticleFileReader({ workerFile: built.workerFile, checkNesting: false, timeLimitMs: 4_000 });
  core = await createCore({ dataDir: join(dir, 'data'), corpusDir: CORPUS, backups: false, articleFileReader: fileReader });
  bodyReader = createArticleFileReader({ workerFile: built.workerFile });
  server = createHostServer({
    api: core,
    rendererDir: dir,
    token: TOKEN,
    parseLargeBody: (bytes) => bodyReader.readJson(bytes, 'body'),
    // As serve.ts does it: a large importW3C body is planned whole in the core's import worker.
    callWithLargeBody: async (method, bytes) =>
      method === 'importW3C'
        ? { value: await core.importW3CBytes!(bytes, 'body') }
        : method === 'importArticles'
          ? { value: await core.importArticlesBytes(bytes) }
          : undefined,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await core.close();
  await bodyReader.close();
  await removeWorker();
  await fs.rm(dir, { recursive: true, force: true });
});

async function call(method: string, body: string): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { message: string } } }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Triangulate-Token': TOKEN },
    body,
  });
  return { status: response.status, json: (await response.json()) as never };
}

const nestedList = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');

describe('a hostile import over HTTP', () => {
  it('leaves getDataHealth answering while it is parsed', async () => {
    const markdown = nestedList(1_200) + '\n'.repeat(10) + 'x'.repeat(8_000_000);
    const body = JSON.stringify({ files: [{ name: 'hostile.md', data: Buffer.from(markdown).toString('base64') }] });
    expect(body.length).toBeGreaterThan(10_000_000);
    let done = false;
    const importing = call('importArticles', body).finally(() => (done = true));
    const latencies: number[] = [];
    let answeredDuringImport = 0;
    while (!done) {
      const asked = performance.now();
      const health = await call('getDataHealth', '{}');
      latencies.push(performance.now() - asked);
      expect(health.status).toBe(200);
      if (!done) answeredDuringImport++;
      await new Promise((r) => setTimeout(r, 25));
    }
    const reply = await importing;
    console.log(`getDataHealth over HTTP during a hostile 12 MB import: ${latencies.length} answers, max ${Math.max(...latencies).toFixed(0)} ms`);
    expect(reply.json.value).toMatchObject({ imported: [], failures: [{ file: 'hostile.md', reason: expect.stringMatching(/took longer than 4 s|needs more than|too deeply nested/) }] });
    expect(answeredDuringImport).toBeGreaterThan(3);
    // Generous: the full suite runs beside this on a small machine (times are the script's to print).
    expect(Math.max(...latencies)).toBeLessThan(5_000);
  }, 120_000);

  it('plans a W3C collection of 5,000 annotations in the import worker, answering getDataHealth meanwhile: items naming no article reported, the others imported', async () => {
    const sentence = 'The minister said on Tuesday that the plan would go ahead as announced. ';
    const long = `${sentence.repeat(Math.ceil(3e6 / sentence.length))}A closing line that only the long article holds.`;
    const added = await call('importArticles', JSON.stringify({ files: [{ name: 'long-w3c.txt', data: Buffer.from(long).toString('base64') }] }));
    const longId = (added.json.value as { imported: { id: string }[] }).imported[0]!.id;
    const tagged = (exact: string, source?: string) => ({
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'quote' }],
      target: { ...(source ? { source } : {}), selector: [{ type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' }] },
    });
    const items = [
      ...Array.from({ length: 5_000 }, (_, i) => tagged(`words that appear in no article of the library, number ${i}`, `https://example.org/nowhere/${i % 97}`)),
      tagged('A closing line that only the long article holds.'),
      tagged('said on Tuesday that the plan', `urn:triangulate:article:${longId}`),
    ];
    const body = JSON.stringify({ collection: { type: 'AnnotationCollection', first: { items } } });
    // Over LARGE_BODY_BYTES: the host hands it to the import worker whole (the time limit of this file's reader is 4 s).
    expect(body.length).toBeGreaterThan(1_000_000);
    let done = false;
    const importing = call('importW3C', body).finally(() => (done = true));
    let answeredDuringImport = 0;
    while (!done) {
      expect((await call('getDataHealth', '{}')).status).toBe(200);
      if (!done) answeredDuringImport++;
      await new Promise((r) => setTimeout(r, 25));
    }
    const reply = await importing;
    expect(reply.json.error?.message).toBeUndefined();
    expect(reply.status).toBe(200);
    const report = reply.json.value as { annotationsImported: number; problems: string[]; notes: string[] };
    expect(report.annotationsImported).toBe(2);
    expect(report.problems).toHaveLength(5_000);
    expect(report.problems[0]).toMatch(/^item 1: names "https:\/\/example.org\/nowhere\/0", which is not in this library, and no article of the library holds its quote/);
    expect(report.notes).toEqual([`item 5001: found in article "${longId}" by its quote`]);
    expect(answeredDuringImport).toBeGreaterThan(0);
    const stored = await core.listAnnotations({ articleId: longId });
    expect(stored.map((a) => [a.exact, a.start])).toEqual([
      ['said on Tuesday that the plan', long.indexOf('said on Tuesday that the plan')],
      ['A closing line that only the long article holds.', long.indexOf('A closing line')],
    ]);
  }, 120_000);

  it('refuses a body nested 300,000 levels with a clear line, and answers the next call', async () => {
    const reply = await call('importW3C', `{"collection":${'['.repeat(300_000)}${']'.repeat(300_000)}}`);
    expect(reply.status).toBe(400);
    expect(reply.json.error?.message).toMatch(/^The request body was refused: it is too deeply nested: more than 100 levels of arrays and objects \(at line 1\)/);
    expect((await call('getDataHealth', '{}')).status).toBe(200);
    // Generous: the body worker may be starting again on a busy machine.
  }, 60_000);
});
