import { describe, expect, it } from 'vitest';
import { testAnnotation } from '../../../tools/testSupport/testAnnotation';
import { DEFAULT_CODEBOOK, type Annotation, type AttributeValue, type Tag } from '../model/model';
import { annotationAgreement } from './annotationAgreement';
import { krippendorffAlpha } from './krippendorffAlpha';

let nextId = 0;
function span(articleId: string, creator: string, tagId: string, start: number, end: number, attributes: Record<string, AttributeValue> = {}): Annotation {
  return testAnnotation({ id: `a${++nextId}`, articleId, creator, tagId, start, end, attributes });
}

const tag = (id: string, name = id): Tag => ({ id, name, color: '#000000', key: null, description: '', attributes: [] });
const CLAIM = DEFAULT_CODEBOOK.find((t) => t.id === 'claim')!;
const WORDS = 'one two three four five six seven eight nine ten';

describe('annotationAgreement', () => {
  it('reproduces Krippendorff (2004: p. 254) through annotations: alpha_u c .729, k 1, overall .859', () => {
    // The example's continuum 150–450 as a 300-character article (alpha_u depends only on positions relative to it).
    const text = 'x'.repeat(300);
    const at = (creator: string, tagId: string, from: number, to: number) => span('doc', creator, tagId, from - 150, to - 150);
    const report = annotationAgreement({
      articles: [{ id: 'doc', text }],
      annotations: [
        at('i', 'c', 225, 295), at('i', 'c', 370, 400), at('j', 'c', 220, 300), at('j', 'c', 355, 375), at('j', 'c', 400, 420),
        at('i', 'k', 180, 240), at('i', 'k', 300, 350), at('j', 'k', 180, 240), at('j', 'k', 300, 350),
      ],
      coders: ['i', 'j'],
      tags: [tag('c', 'Claim'), tag('k', 'Kernel')],
      units: 'tokens',
    });
    expect(report.tags.Claim!.alphaU).toBeCloseTo(0.7286, 3);
    expect(report.tags.Kernel!.alphaU).toBe(1);
    expect(report.overall.alphaU).toBeCloseTo(0.8591, 3);
    expect(report.overall.reading.alphaU).toBe('reliable');
    expect(report.tags.Claim!.reading.alphaU).toBe('tentative');
    expect(report.tags.Claim!.spans).toEqual([2, 3]);
  });

  it('gives perfect figures when two coders marked the same spans', () => {
    const annotations = ['ana', 'ben'].flatMap((c) => [span('a1', c, 'claim', 4, 13), span('a1', c, 'quote', 24, 33)]);
    const report = annotationAgreement({ articles: [{ id: 'a1', text: WORDS }], annotations, coders: ['ana', 'ben'], tags: [tag('claim'), tag('quote')], units: 'tokens' });
    expect(report.overall).toMatchObject({ alphaU: 1, alpha: 1, kappa: 1, fleissKappa: 1, percentAgreement: 100, units: 10 });
    expect(report.overall.reading).toEqual({ alphaU: 'reliable', alpha: 'reliable' });
  });

  it('codes each word yes/no per tag and compares coders on that', () => {
    // ana marks "two three", ben "three four": words 2–4 differ in two places.
    const report = annotationAgreement({
      articles: [{ id: 'a1', text: WORDS }],
      annotations: [span('a1', 'ana', 'claim', 4, 13), span('a1', 'ben', 'claim', 8, 18)],
      coders: ['ana', 'ben'],
      tags: [tag('claim')],
      units: 'tokens',
    });
    const claim = report.tags.claim!;
    expect(claim.units).toBe(10);
    expect(claim.percentAgreement).toBe(80);
    const ana = [0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    const ben = [0, 0, 1, 1, 0, 0, 0, 0, 0, 0];
    expect(claim.alpha).toBeCloseTo(krippendorffAlpha([ana, ben], 'nominal').alpha!, 12);
    expect(claim.alpha).toBeLessThan(0.5);
    expect(claim.kappa).not.toBeNull();
  });

  it('cuts the text into sentences when asked', () => {
    const text = 'The minister spoke. Nobody listened! Was it true? Perhaps.';
    const report = annotationAgreement({
      articles: [{ id: 'a1', text }],
      annotations: [span('a1', 'ana', 'claim', 0, 18), span('a1', 'ben', 'claim', 4, 12), span('a1', 'ben', 'claim', 40, 47)],
      coders: ['ana', 'ben'],
      tags: [tag('claim')],
      units: 'sentences',
    });
    expect(report.overall.units).toBe(4);
    expect(report.tags.claim!.percentAgreement).toBe(75);
  });

  it('compares attribute values on spans both coders marked, nominal for choices', () => {
    const text = 'x'.repeat(200);
    const annotations = [
      span('a1', 'ana', 'claim', 0, 10, { stance: 'supports', checkable: true }),
      span('a1', 'ben', 'claim', 2, 10, { stance: 'supports', checkable: true }),
      span('a1', 'ana', 'claim', 20, 30, { stance: 'disputes', checkable: false }),
      span('a1', 'ben', 'claim', 20, 30, { stance: 'disputes', checkable: true }),
      span('a1', 'ana', 'claim', 40, 50, { stance: 'neutral' }),
      span('a1', 'ben', 'claim', 45, 55, { stance: 'supports' }),
      // Only ana marked this one: not a unit both coders marked.
      span('a1', 'ana', 'claim', 100, 120, { stance: 'neutral', checkable: true }),
    ];
    const report = annotationAgreement({ articles: [{ id: 'a1', text }], annotations, coders: ['ana', 'ben'], tags: [CLAIM], units: 'tokens' });
    const stance = report.tags.Claim!.attributes.Stance!;
    expect(stance.level).toBe('nominal');
    expect(stance.units).toBe(3);
    expect(stance.percentAgreement).toBeCloseTo(200 / 3, 10);
    expect(stance.alpha).toBeCloseTo(krippendorffAlpha([['supports', 'disputes', 'neutral'], ['supports', 'disputes', 'supports']], 'nominal').alpha!, 12);
    const checkable = report.tags.Claim!.attributes.Checkable!;
    expect(checkable.units).toBe(2);
    expect(checkable.percentAgreement).toBe(50);
  });

  it('compares number attributes on the interval metric', () => {
    const scored: Tag = { ...tag('claim'), attributes: [{ id: 'weight', name: 'Weight', type: 'number', options: [] }] };
    const annotations = [
      span('a1', 'ana', 'claim', 0, 5, { weight: 1 }), span('a1', 'ben', 'claim', 0, 5, { weight: 1 }),
      span('a1', 'ana', 'claim', 10, 15, { weight: 5 }), span('a1', 'ben', 'claim', 10, 15, { weight: 4 }),
      span('a1', 'ana', 'claim', 20, 25, { weight: 9 }), span('a1', 'ben', 'claim', 20, 25, { weight: 9 }),
    ];
    const report = annotationAgreement({ articles: [{ id: 'a1', text: 'x'.repeat(30) }], annotations, coders: ['ana', 'ben'], tags: [scored], units: 'tokens' });
    const weight = report.tags.claim!.attributes.Weight!;
    expect(weight.level).toBe('interval');
    expect(weight.alpha).toBeCloseTo(krippendorffAlpha([[1, 5, 9], [1, 4, 9]], 'interval').alpha!, 12);
    expect(weight.alpha).toBeGreaterThan(krippendorffAlpha([[1, 5, 9], [1, 4, 9]], 'nominal').alpha!);
  });

  it('breaks the figures down per article and leaves out other coders and tags', () => {
    const annotations = [
      span('a1', 'ana', 'claim', 4, 13), span('a1', 'ben', 'claim', 4, 13),
      span('a2', 'ana', 'claim', 0, 3), span('a2', 'ben', 'claim', 30, 40),
      span('a1', 'cem', 'claim', 40, 48), span('a1', 'ana', 'quote', 40, 48),
    ];
    const report = annotationAgreement({
      articles: [{ id: 'a1', text: WORDS }, { id: 'a2', text: WORDS }],
      annotations,
      coders: ['ana', 'ben'],
      tags: [tag('claim')],
      units: 'tokens',
    });
    expect(report.articles).toEqual(['a1', 'a2']);
    expect(report.perArticle.map((a) => a.articleId)).toEqual(['a1', 'a2']);
    expect(report.perArticle[0]!.overall.alphaU).toBe(1);
    expect(report.perArticle[1]!.overall.alphaU!).toBeLessThan(0);
    expect(report.overall.units).toBe(20);
    expect(report.perArticle[0]!.tags.claim!.units).toBe(10);
  });

  it('gives Fleiss’ kappa and no Cohen’s kappa for three coders; the same figures in any coder order', () => {
    const annotations = [span('a1', 'ana', 'claim', 4, 13), span('a1', 'ben', 'claim', 4, 18), span('a1', 'cem', 'claim', 8, 13)];
    const input = { articles: [{ id: 'a1', text: WORDS }], annotations, tags: [tag('claim')], units: 'tokens' as const };
    const a = annotationAgreement({ ...input, coders: ['ana', 'ben', 'cem'] });
    const b = annotationAgreement({ ...input, coders: ['cem', 'ana', 'ben'] });
    expect(a.overall.kappa).toBeNull();
    expect(a.overall.fleissKappa).not.toBeNull();
    for (const key of ['alphaU', 'alpha', 'fleissKappa', 'percentAgreement'] as const) expect(a.overall[key]).toBeCloseTo(b.overall[key]!, 12);
  });

  it('gives the same overall figures with more than 30 tags (sets of tags as text, not bits)', () => {
    const annotations = [span('a1', 'ana', 't0', 4, 13), span('a1', 'ben', 't0', 4, 18), span('a1', 'ana', 't29', 8, 23), span('a1', 'ben', 't29', 14, 23)];
    const input = { articles: [{ id: 'a1', text: WORDS }], annotations, coders: ['ana', 'ben'], units: 'tokens' as const };
    const thirty = annotationAgreement({ ...input, tags: Array.from({ length: 30 }, (_, i) => tag(`t${i}`)) });
    const more = annotationAgreement({ ...input, tags: Array.from({ length: 31 }, (_, i) => tag(`t${i}`)) });
    expect(thirty.overall.alpha).not.toBeNull();
    for (const key of ['alpha', 'kappa', 'fleissKappa', 'percentAgreement'] as const) expect(more.overall[key]).toBeCloseTo(thirty.overall[key]!, 12);
  });

  it('refuses fewer than two coders', () => {
    expect(() => annotationAgreement({ articles: [], annotations: [], coders: ['ana'], tags: [], units: 'tokens' })).toThrow(/at least two coders/);
  });
});
