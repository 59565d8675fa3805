/**
 * Fuzzing (issue 19): random and hostile inputs to the import readers
 * (txt, md, html, json, jsonl; pdf, docx, odt and .qdpx: random, cut and
 * changed bytes), the W3C and project readers, the codebook
 * and annotation-file readers and every method's payload schema give a
 * result or a clear refusal — never an uncaught exception — and within a
 * generous time bound per input (fast-check's `timeout`, not a timing
 * assertion on the result).
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { readCodebookFile } from '../../shared/formats/codebookFile';
import { contract } from '../../shared/contract/contract';
import { methodNames } from '../../shared/contract/methodNames';
import { readAnnotationFile } from '../../shared/formats/readAnnotationFile';
import { readProjectFile } from '../../shared/formats/project/planProjectImport';
import { readW3CCollection } from '../../shared/formats/w3c/readW3CCollection';
import { dispatch } from '../../shared/contract/dispatch';
import { createCore } from '../core/createCore';
import { readArticleFile } from './readArticleFile';
import { readQdpx } from './readQdpx';
import { docxFromParagraphs } from './documents/docxFromParagraphs';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';

/** Per input: far above what any of these takes on a good file, far below a hang. */
const BOUND_MS = 10_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const KINDS = ['a.txt', 'a.md', 'a.markdown', 'a.html', 'a.htm', 'a.json', 'a.jsonl'] as const;

/** Text shaped like what the readers expect, and like what breaks them. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.json({ maxDepth: 6 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(Array.isArray(v) ? v : [v])),
  fc.array(fc.record({ title: fc.string(), text: fc.string({ unit: 'grapheme' }), date: fc.string(), url: fc.webUrl() }), { maxLength: 5 }).map((a) => JSON.stringify(a)),
  fc.array(fc.constantFrom('<div>', '</div>', '<p>', '<li>', '<ul>', '<table>', '<td>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', '&amp;', '&#x1F3AF;', 'text ', '<br/>', '<meta name="author" content="x">', '<title>', '</title>', '<svg><style>', '"', "'", '>'), { maxLength: 300 }).map((p) => p.join('')),
  fc.array(fc.constantFrom('- ', '  ', '> ', '1. ', '* ', '```', '\n', '# ', '[x](', ')', '![', '|', '---', '<div>', 'word', '\t', '\\', '`', '<!--'), { maxLength: 400 }).map((p) => p.join('')),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `${'<div>'.repeat(n)}x`),
  fc.integer({ min: 1, max: 3_000 }).map((n) => `${'> '.repeat(n)}x`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
);

const isRefusal = (result: { ok: boolean; reason?: string }): boolean => !result.ok && typeof result.reason === 'string' && result.reason.length > 5;

describe('import readers under random and hostile files', () => {
  it('give drafts or a reason for every kind of file, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KINDS), fc.oneof(hostileText.map((t) => Buffer.from(t, 'utf8')), fc.uint8Array({ maxLength: 600 })), async (name, bytes) => {
        const result = await readArticleFile(name, bytes);
        if (result.ok) {
          expect(result.drafts.length).toBeGreaterThan(0);
          for (const d of result.drafts) expect(typeof d.text).toBe('string');
        } else expect(isRefusal(result)).toBe(true);
      }),
      { numRuns: RUNS * 4, timeout: BOUND_MS },
    );
  }, 120_000);

  it('give drafts or a reason for documents (pdf, docx, odt) and REFI-QDA projects: random bytes, a Word file cut or with bytes changed', async () => {
    const docx = await docxFromParagraphs(['# A headline', 'A first paragraph of the story.', 'A second one.']);
    const damaged = fc.oneof(
      fc.nat({ max: docx.length }).map((n) => docx.slice(0, n)),
      fc.array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((changes) => {
        const bytes = docx.slice();
        for (const [at, value] of changes) bytes[at] = value;
        return bytes;
      }),
      fc.uint8Array({ maxLength: 600 }).map((tail) => Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, ...tail])),
      fc.uint8Array({ maxLength: 600 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a.pdf', 'a.docx', 'a.odt'), damaged, async (name, bytes) => {
        const result = await readArticleFile(name, bytes);
        if (result.ok) for (const d of result.drafts) expect(typeof d.text).toBe('string');
        else expect(isRefusal(result)).toBe(true);
      }),
      { numRuns: RUNS * 2, timeout: BOUND_MS },
    );
    fc.assert(
      fc.property(damaged, (bytes) => {
        const read = readQdpx(bytes, DEFAULT_CODEBOOK, '2024-01-01T00:00:00.000Z');
        if (!read.ok) expect(read.error.length).toBeGreaterThan(5);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('read annotation and project files to a value or a reason', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText.map((t) => Buffer.from(t, 'utf8')), fc.uint8Array({ maxLength: 400 })), (bytes) => {
        const read = readAnnotationFile(bytes);
        if (!read.ok) expect(read.reason.length).toBeGreaterThan(5);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('read annotation tables (CSV) to W3C items the W3C reader takes, or a reason', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('"', '""', ',', '\r\n', "'=1+1", '__proto__', '-1', '99999999999999999999', 'true'));
    const column = fc.constantFrom('tag', 'tag_id', 'exact', 'exact_raw', 'start', 'end', 'article_id', 'url', 'note', 'creator', 'quote.speaker', '__proto__', '__proto__.x', 'constructor.prototype', '');
    const table = fc.tuple(fc.array(column, { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 })).map(([header, rows]) =>
      [header.join(','), ...rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\r\n'),
    );
    fc.assert(
      fc.property(table, (csv) => {
        const read = readAnnotationFile(Buffer.from(csv, 'utf8'));
        if (!read.ok) expect(read.reason.length).toBeGreaterThan(5);
        else expect(() => readW3CCollection(read.value)).not.toThrow();
        expect(({} as Record<string, unknown>).x).toBeUndefined();
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

/** JSON values, and objects shaped a little like the files each reader wants. */
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }),
  fc.record({ type: fc.constantFrom('AnnotationCollection', 'AnnotationPage', 'Annotation', 'x'), items: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 5 }) }),
  fc.record({ items: fc.array(fc.record({ id: fc.string(), motivation: fc.constantFrom('tagging', 'linking', 'commenting'), target: fc.jsonValue({ maxDepth: 3 }), body: fc.jsonValue({ maxDepth: 3 }) }), { maxLength: 5 }) }),
  fc.record({ format: fc.constantFrom('triangulate-project', 'triangulate-codebook', 'x'), version: fc.integer({ min: -1, max: 3 }), schemaVersion: fc.integer({ min: -1, max: 3 }), articles: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }), tags: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }) }),
  fc.constantFrom({ __proto__: null }, JSON.parse('{"__proto__": {"polluted": 1}, "items": []}'), JSON.parse('{"format":"triangulate-codebook","version":1,"tags":[{"id":"__proto__","name":"x","color":"#000000","key":null}]}')),
);

describe('W3C, project and codebook readers under random JSON', () => {
  it('readW3CCollection gives items or refuses with an ApiError', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        try {
          const items = readW3CCollection(value);
          expect(Array.isArray(items.tagging) && Array.isArray(items.linking)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).code).toBe('invalid_input');
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('readProjectFile and readCodebookFile give a value or reasons', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        const project = readProjectFile(value);
        if (!project.ok) expect(project.errors.length).toBeGreaterThan(0);
        const codebook = readCodebookFile(value);
        if (!codebook.ok) expect(codebook.message).toMatch(/^This is not a codebook/);
      }),
      { numRuns: RUNS * 4 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('payload schemas of every method', () => {
  it('accept or refuse any payload without throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...methodNames), fc.oneof(fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 4 }), jsonish), (method, payload) => {
        const parsed = contract[method].input.safeParse(payload);
        expect(typeof parsed.success).toBe('boolean');
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('the core under random calls', () => {
  it('answers every method with a result or a clear refusal, never an internal error', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-fuzz-core-'));
    const core = await createCore({ dataDir: dir, corpusDir: fileURLToPath(new URL('../../../corpus', import.meta.url)), backups: false });
    const articleId = (await core.listArticles({}))[0]!.id;
    // Payloads near the right shape reach the core's own checks, not only the schemas.
    const nearPayload = fc.record(
      {
        articleId: fc.oneof(fc.constant(articleId), fc.string()),
        id: fc.oneof(fc.constant(articleId), fc.string(), fc.constant('__proto__')),
        tagId: fc.constantFrom('quote', 'claim', 'source', '__proto__', 'constructor', 'none'),
        start: fc.oneof(fc.integer({ min: -5, max: 3_000 }), fc.double()),
        end: fc.oneof(fc.integer({ min: -5, max: 3_000 }), fc.double()),
        note: fc.string({ unit: 'grapheme' }),
        label: fc.string(),
        members: fc.array(fc.record({ articleId: fc.constant(articleId), annotationId: fc.string() }), { maxLength: 3 }),
        query: fc.string(),
        files: fc.array(fc.record({ name: fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.json', 'x.pdf'), data: fc.base64String({ maxLength: 200 }) }), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...methodNames.filter((m) => m !== 'restoreFromBackup')), fc.oneof(fc.anything({ maxDepth: 2 }), nearPayload), async (method, payload) => {
          try {
            await dispatch(core, method, payload);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).code, `${method}: ${(error as ApiError).message}`).not.toBe('internal');
          }
        }),
        { numRuns: RUNS * 5, timeout: BOUND_MS },
      );
    } finally {
      await core.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
