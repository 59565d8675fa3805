/**
 * The export read as JSON-LD: expanded with the W3C anno.jsonld context
 * served from the vendored copy (no network), every value the file holds is
 * still there, our extension terms expand to IRIs in Triangulate's
 * namespace, and the attribute map survives whole as a JSON literal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { TRIANGULATE_VOCAB, W3C_CONTEXT } from '../../shared/formats/w3c/triangulateContext';
import { DEFAULT_CODEBOOK, type Annotation } from '../../shared/model/model';
import { toAnnotationCollection } from '../../shared/formats/w3c/w3cExport';
import { CONFORMANCE_DIR } from './w3cConformance';

const ANNO = JSON.parse(readFileSync(join(CONFORMANCE_DIR, 'anno.jsonld'), 'utf8')) as object;

const documentLoader = async (url: string) => {
  if (url === W3C_CONTEXT || url === 'https://www.w3.org/ns/anno.jsonld') return { contextUrl: undefined, documentUrl: url, document: ANNO };
  throw new Error(`no network in tests: ${url}`);
};

const TEXT = 'Alpha said “we leave”. Bravo agreed.';
function annotation(id: string, tagId: string, exact: string, attributes: Annotation['attributes'], note = ''): Annotation {
  const start = TEXT.indexOf(exact);
  return { id, articleId: 'a1', tagId, start, end: start + exact.length, exact, prefix: TEXT.slice(0, start), suffix: TEXT.slice(start + exact.length), note, attributes, creator: 'ana', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-02T00:00:00.000Z' };
}

const collection = toAnnotationCollection({
  articles: [{ id: 'a1', title: 'Headline', hash: 'abc123', language: 'de' }],
  codebook: DEFAULT_CODEBOOK,
  annotationsByArticle: new Map([
    ['a1', [
      annotation('q', 'quote', 'we leave', { speaker: 'Alpha', form: 'direct' }, 'a note'),
      annotation('c', 'claim', 'Bravo agreed', { checkable: true, stance: 'supports' }),
      annotation('s', 'source', 'Alpha said', { name: 'Alpha', kind: 'official' }),
    ]],
  ]),
  groups: [{ id: 'g1', label: 'Leaving', members: [{ articleId: 'a1', annotationId: 'q' }, { articleId: 'a1', annotationId: 'c' }], created: '2024-02-01T00:00:00.000Z', modified: '2024-02-01T00:00:00.000Z' }],
  sourceLinks: [{ id: 'l1', quote: { articleId: 'a1', annotationId: 'q' }, source: { articleId: 'a1', annotationId: 's' }, created: '2024-03-01T00:00:00.000Z' }],
  libraryCreator: 'ana',
  generated: '2024-04-01T00:00:00.000Z',
});

/** Every string, number and boolean in the expanded document (values, ids, JSON literals' contents). */
function expandedScalars(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) expandedScalars(v, out);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o['@type'] === '@json') expandedScalars(o['@value'], out);
    for (const [k, v] of Object.entries(o)) if (k !== '@type' || typeof v !== 'string') expandedScalars(v, out);
    if (typeof o['@type'] === 'string') out.add(o['@type']);
  } else if (value !== undefined && value !== null) out.add(String(value));
  return out;
}

/** The file's data values: everything but @context and the vocabulary words (type, motivation, purpose). */
function fileScalars(value: unknown, key = '', out: string[] = []): string[] {
  if (key === '@context' || key === 'type' || key === 'motivation' || key === 'purpose') return out;
  if (Array.isArray(value)) for (const v of value) fileScalars(v, key, out);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) fileScalars(v, k, out);
  else out.push(String(value));
  return out;
}

describe('the W3C export as JSON-LD', () => {
  it('loses no value when expanded, and keeps each attribute map whole as a JSON literal', async () => {
    const expanded = await jsonld.expand(collection as never, { documentLoader: documentLoader as never });
    const present = expandedScalars(expanded);
    const lost = [...new Set(fileScalars(collection))].filter((v) => !present.has(v));
    expect(lost).toEqual([]);

    const text = JSON.stringify(expanded);
    expect(text).toContain(`"${TRIANGULATE_VOCAB}tagId"`);
    expect(text).toContain(`"${TRIANGULATE_VOCAB}sha256"`);
    expect(text).toContain(`"${TRIANGULATE_VOCAB}relation"`);
    const literals: unknown[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === `${TRIANGULATE_VOCAB}attributes`) literals.push(...(x as { '@value': unknown }[]).map((l) => l['@value']));
          else walk(x);
        }
      }
    };
    walk(expanded);
    expect(literals).toEqual([
      { name: 'Alpha', kind: 'official' },
      { speaker: 'Alpha', form: 'direct' },
      { checkable: true, stance: 'supports' },
    ]);
  });

  it('without our context the attribute keys would be dropped (what the extension context prevents)', async () => {
    const bare = JSON.parse(JSON.stringify(collection).replaceAll(/"@context":\[[^\]]*\]\]?/g, `"@context":"${W3C_CONTEXT}"`)) as object;
    const expanded = await jsonld.expand(bare as never, { documentLoader: documentLoader as never });
    expect(JSON.stringify(expanded)).not.toContain('official');
  });
});
