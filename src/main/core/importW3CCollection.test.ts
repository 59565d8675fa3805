import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core, CoreOptions } from './createCore';
import { SEED, passageRange, useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { apiRejection } from '../../../tools/testSupport/apiRejection';
import { inProcessW3CPlanner } from '../../../tools/testSupport/inProcessW3CPlanner';
import type { Input } from '../../shared/contract/contract';

const lib = useTestLibrary();

async function everything(core: Core) {
  const annotations = [];
  for (const id of Object.values(SEED)) annotations.push(...(await core.listAnnotations({ articleId: id })));
  return { annotations, groups: await core.listGroups({}), links: await core.listSourceLinks({}) };
}

/** An annotated library: a group across three articles, a quote credited to a source, a note. */
async function annotatedLibrary(core: Core): Promise<void> {
  const ashamed = 'ashamed of my country';
  await core.acceptAlignment({
    label: 'Ashamed',
    tagId: 'quote',
    passages: [await passageRange(core, SEED.A000, ashamed), await passageRange(core, SEED.A002, ashamed), await passageRange(core, SEED.A004, ashamed)],
  });
  const quote = await core.createAnnotation({ ...(await passageRange(core, SEED.A000, 'like any other Monday morning')), tagId: 'quote', note: 'routine, "normal"\nday' });
  const source = await core.createAnnotation({ ...(await passageRange(core, SEED.A000, 'Mr Bondarev told Reuters')), tagId: 'source' });
  await core.linkSource({ quote: { articleId: SEED.A000, annotationId: quote.id }, source: { articleId: SEED.A000, annotationId: source.id } });
  await core.createAnnotation({ ...(await passageRange(core, SEED.A001, 'Bondarev')), tagId: 'claim' });
}

/**
 * Each case runs two ways: the call (importW3C, the collection parsed where it was sent), and from the
 * bytes of the call's body (importW3CBytes: planned whole where the bytes are read, as the host has the
 * import worker do it for a large body), with the same results.
 */
const WAYS = {
  'by the call': { open: (options: Partial<CoreOptions> = {}) => lib.open(options), importW3C: (core: Core, input: Input<'importW3C'>) => core.importW3C(input) },
  'from the bytes of its body, planned as the import worker plans it': {
    open: (options: Partial<CoreOptions> = {}) => lib.open({ articleFileReader: inProcessW3CPlanner(), ...options }),
    importW3C: (core: Core, input: Input<'importW3C'>) => core.importW3CBytes!(Buffer.from(JSON.stringify(input)), 'body'),
  },
};

describe.each(Object.entries(WAYS))('%s', (_way, { open, importW3C }) => {
  describe('importW3C', () => {
    it('restores annotations, groups and links from an export into a fresh library, and skips them all a second time', async () => {
      const original = await open();
      await annotatedLibrary(original);
      const exported = await original.exportW3C({});
      const before = await everything(original);

      const fresh = await open({ dataDir: join(lib.dir(), 'fresh'), newId: () => 'must-not-be-used' });
      const report = await importW3C(fresh, { collection: JSON.parse(JSON.stringify(exported)) });
      expect(report).toEqual({ annotationsImported: 6, annotationsSkipped: 0, annotationsApproximate: 0, groupsImported: 1, linksImported: 1, problems: [], notes: [], unknownTags: [], tagsCreated: [] });
      const after = await everything(fresh);
      expect(after).toEqual(before);

      expect(await importW3C(fresh, { collection: exported })).toEqual({ annotationsImported: 0, annotationsSkipped: 6, annotationsApproximate: 0, groupsImported: 0, linksImported: 0, problems: [], notes: [], unknownTags: [], tagsCreated: [] });
      expect(await everything(fresh)).toEqual(before);
    });

    it('re-anchors another tool’s annotation whose position has shifted, by its quote', async () => {
      const core = await open();
      const target = await passageRange(core, SEED.A002, 'never have I been so ashamed of my country');
      const collection = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        first: {
          items: [
            {
              type: 'Annotation',
              motivation: 'highlighting',
              creator: { name: 'Bo' },
              body: { type: 'TextualBody', purpose: 'tagging', value: 'quote' },
              target: {
                source: `urn:triangulate:article:${SEED.A002}`,
                selector: [
                  { type: 'TextPositionSelector', start: target.start + 17, end: target.end + 17 },
                  { type: 'TextQuoteSelector', exact: 'never have I been so ashamed of my country' },
                ],
              },
            },
          ],
        },
      };
      const report = await importW3C(core, { collection });
      expect(report).toMatchObject({ annotationsImported: 1, problems: [] });
      expect(await core.listAnnotations({ articleId: SEED.A002 })).toEqual([
        expect.objectContaining({ tagId: 'quote', start: target.start, end: target.end, creator: 'Bo', exact: 'never have I been so ashamed of my country' }),
      ]);
    });

    it('reports an annotation that cannot be anchored and imports the rest', async () => {
      const core = await open();
      const good = await passageRange(core, SEED.A004, 'Bondarev');
      const item = (exact: string, start: number) => ({
        type: 'Annotation',
        id: `urn:other:${exact.length}`,
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Claim' }],
        target: { source: `urn:triangulate:article:${SEED.A004}`, selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
      });
      const report = await importW3C(core, { collection: { items: [item('Bondarev', good.start), item('words this article never prints', 10)] } });
      expect(report.annotationsImported).toBe(1);
      expect(report.problems).toEqual([
        `urn:other:31: could not be anchored in article "${SEED.A004}" (the text "words this article never prints" is not there, not even with small differences)`,
      ]);
      expect(await core.listAnnotations({ articleId: SEED.A004 })).toEqual([expect.objectContaining({ tagId: 'claim', start: good.start, end: good.end })]);
    });

    it('refuses something that is not a collection with a clear message, and changes nothing', async () => {
      const core = await open();
      for (const collection of [null, 'annotations', { type: 'AnnotationCollection', items: 'none' }]) {
        const error = await apiRejection(importW3C(core, { collection }));
        expect(error.code).toBe('invalid_input');
        expect(error.message).toMatch(/not a W3C annotation collection/);
      }
      expect(await fs.readdir(join(lib.dir(), 'annotations'))).toEqual([]);
      await expect(fs.stat(join(lib.dir(), 'links.json'))).rejects.toThrow();
    });
  });

  describe('importW3C: attribute values and creators', () => {
    it('carries attribute values and the creator through a W3C export and back', async () => {
      const original = await open({ creator: 'bo' });
      await original.createAnnotation({ ...(await passageRange(original, SEED.A000, 'Mr Bondarev told Reuters')), tagId: 'source', attributes: { name: 'Bondarev', kind: 'wire agency' } });
      await original.createAnnotation({ ...(await passageRange(original, SEED.A001, 'Bondarev')), tagId: 'claim', attributes: { checkable: true } });
      const exported = JSON.parse(JSON.stringify(await original.exportW3C({})));
      const fresh = await open({ dataDir: join(lib.dir(), 'fresh'), creator: 'ana' });
      expect(await importW3C(fresh, { collection: exported })).toMatchObject({ annotationsImported: 2, problems: [] });
      const strip = (list: { attributes: object; creator: string; tagId: string }[]) => list.map(({ attributes, creator, tagId }) => ({ attributes, creator, tagId }));
      for (const id of [SEED.A000, SEED.A001]) {
        expect(strip(await fresh.listAnnotations({ articleId: id }))).toEqual(strip(await original.listAnnotations({ articleId: id })));
      }
      expect((await fresh.listAnnotations({ articleId: SEED.A000 }))[0]).toMatchObject({ creator: 'bo', attributes: { name: 'Bondarev', kind: 'wire agency' } });
    });

    it('re-anchors another tool’s annotations of a slightly different copy of the text, and reports the ones too far off', async () => {
      const core = await open();
      const article = await core.getArticle({ id: SEED.A000 });
      const text = article.text;
      const phrase = 'like any other Monday morning';
      const item = (id: string, exact: string) => ({
        id,
        type: 'Annotation',
        motivation: 'tagging',
        creator: { name: 'Hypothesis user' },
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Quote' }],
        target: { source: 'https://news.example/story', 'triangulate:sha256': article.hash, selector: [{ type: 'TextQuoteSelector', exact }] },
      });
      const report = await importW3C(core, {
        collection: {
          type: 'AnnotationCollection',
          items: [
            item('urn:other:1', 'like any othr Monday morning'), // a typo in their copy
            item('urn:other:2', 'like every other Tuesday evening'), // too different
          ],
        },
      });
      expect(report).toMatchObject({ annotationsImported: 1, annotationsApproximate: 1 });
      expect(report.problems).toEqual(['urn:other:2: could not be anchored in article "000_9c2375f696f0b1fa" (the text "like every other Tuesday evening" is not there, not even with small differences)']);
      const [anchored] = await core.listAnnotations({ articleId: SEED.A000 });
      expect(anchored).toMatchObject({ exact: phrase, start: text.indexOf(phrase), creator: 'Hypothesis user' });
    });
  });
});

describe('importW3C of many annotations naming no article (issue 19: a hostile import must not starve the core)', () => {
  it('looks for their quotes a slice at a time: other calls are answered before the import ends', async () => {
    const core = await lib.open();
    const sentence = 'The minister said on Tuesday that the plan would go ahead as announced. ';
    const big = sentence.repeat(Math.ceil(3e6 / sentence.length));
    await core.importArticles({ files: [{ name: 'long.txt', data: Buffer.from(big).toString('base64') }] });
    const items = Array.from({ length: 3_000 }, (_, i) => ({
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'quote' }],
      target: { source: `https://example.org/nowhere/${i}`, selector: [{ type: 'TextQuoteSelector', exact: `words in no article, number ${i}` }] },
    }));
    let importDone = false;
    const importing = core.importW3C({ collection: { type: 'AnnotationCollection', items } }).finally(() => (importDone = true));
    await new Promise((r) => setTimeout(r, 50));
    await core.getDataHealth({});
    const answeredFirst = !importDone;
    const report = await importing;
    expect(answeredFirst).toBe(true);
    expect(report.annotationsImported).toBe(0);
    expect(report.problems).toHaveLength(3_000);
    expect(report.problems[0]).toMatch(/no article of the library holds its quote/);
  }, 120_000);
});

describe('importW3CBytes (issue 19: the host plans a large W3C import in the import worker, from the body)', () => {
  const bytesOf = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

  it('refuses a body that is not JSON, or not the call\'s input, with the lines the host and the call give, and changes nothing', async () => {
    const core = await lib.open({ articleFileReader: inProcessW3CPlanner() });
    const broken = await apiRejection(core.importW3CBytes!(Buffer.from('{"collection": [1, 2'), 'body'));
    expect(broken.code).toBe('invalid_input');
    expect(broken.message).toMatch(/^The request body is not valid JSON: /);
    const extra = await apiRejection(core.importW3CBytes!(bytesOf({ collection: { items: [] }, surprise: true }), 'body'));
    expect(extra.code).toBe('invalid_input');
    expect(extra.message).toMatch(/^Invalid input for importW3C: .*surprise/);
    const notCollection = await apiRejection(core.importW3CBytes!(bytesOf({ collection: 'annotations' }), 'body'));
    expect(notCollection.message).toMatch(/not a W3C annotation collection/);
    expect(await fs.readdir(join(lib.dir(), 'annotations'))).toEqual([]);
  });

  it('plans only on a dry run: the report says what it would import, and nothing is stored', async () => {
    const original = await lib.open();
    await annotatedLibrary(original);
    const exported = await original.exportW3C({});
    const fresh = await lib.open({ dataDir: join(lib.dir(), 'fresh'), articleFileReader: inProcessW3CPlanner() });
    const report = await fresh.importW3CBytes!(bytesOf({ collection: exported, dryRun: true }), 'body');
    expect(report).toMatchObject({ annotationsImported: 6, groupsImported: 1, linksImported: 1, problems: [] });
    expect(await fresh.listGroups({})).toEqual([]);
    for (const id of Object.values(SEED)) expect(await fresh.listAnnotations({ articleId: id })).toEqual([]);
  });

  it('finds the articles of items naming none by their quotes, and reports the others, as the call does', async () => {
    const core = await lib.open({ articleFileReader: inProcessW3CPlanner() });
    const phrase = 'ashamed of my country';
    const items = [
      ...Array.from({ length: 1_000 }, (_, i) => ({
        type: 'Annotation',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'quote' }],
        target: { source: `https://example.org/nowhere/${i}`, selector: [{ type: 'TextQuoteSelector', exact: `words in no article of the library, number ${i}` }] },
      })),
      {
        type: 'Annotation',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
        target: { source: 'https://example.org/elsewhere', selector: [{ type: 'TextQuoteSelector', exact: 'Mr Bondarev told Reuters' }] },
      },
      { type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'quote' }], target: { selector: [{ type: 'TextQuoteSelector', exact: phrase }] } },
    ];
    const input = { collection: { type: 'AnnotationCollection', items } };
    const viaBytes = await core.importW3CBytes!(bytesOf({ ...input, dryRun: true }), 'body');
    const viaCall = await core.importW3C({ ...input, dryRun: true });
    expect(viaBytes).toEqual(viaCall);
    expect(viaBytes.annotationsImported).toBe(1);
    expect(viaBytes.problems).toHaveLength(1_001);
    expect(viaBytes.problems[0]).toMatch(/no article of the library holds its quote/);
    expect(viaBytes.problems.at(-1)).toMatch(/its quote is in several articles equally well/);
    expect(viaBytes.notes).toEqual([expect.stringMatching(/found in article "000_9c2375f696f0b1fa" by its quote/)]);
  });
});
