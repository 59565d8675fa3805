import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { testAnnotation } from '../../../tools/testSupport/testAnnotation';
import { DEFAULT_CODEBOOK, type Annotation } from '../model/model';
import { agreementCsv, AGREEMENT_CSV_HEADER } from './agreementCsv';
import { annotationAgreement } from './annotationAgreement';

const span = (creator: string, start: number, end: number, stance: string): Annotation =>
  testAnnotation({ id: `${creator}${start}`, articleId: 'a1', creator, tagId: 'claim', start, end, attributes: { stance }, created: '', modified: '' });

describe('agreementCsv', () => {
  it('writes one row per set of figures, undefined figures empty, readable back', () => {
    const report = annotationAgreement({
      articles: [{ id: 'a1', text: 'one two three four five six seven eight nine ten' }],
      annotations: [span('=ana', 4, 13, 'supports'), span('ben', 4, 18, 'supports'), span('=ana', 24, 28, 'neutral'), span('ben', 24, 33, 'disputes')],
      coders: ['=ana', 'ben'],
      tags: DEFAULT_CODEBOOK.filter((t) => t.id !== 'source'),
      units: 'tokens',
    });
    const csv = agreementCsv(report);
    expect(csv.startsWith('\uFEFFscope,tag,attribute,article_id,alpha_u,')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;
    expect(Object.keys(rows[0]!)).toEqual([...AGREEMENT_CSV_HEADER]);
    expect(rows.map((r) => [r.scope, r.tag, r.attribute, r.article_id])).toEqual([
      ['overall', '', '', ''],
      ['tag', 'Claim', '', ''],
      ['attribute', 'Claim', 'Checkable', ''],
      ['attribute', 'Claim', 'Stance', ''],
      ['tag', 'Quote', '', ''],
      ['attribute', 'Quote', 'Speaker', ''],
      ['attribute', 'Quote', 'Direct or indirect', ''],
      ['article', '', '', 'a1'],
      ['article tag', 'Claim', '', 'a1'],
      ['article tag', 'Quote', '', 'a1'],
    ]);
    const claim = rows[1]!;
    expect(Number(claim.alpha_u)).toBeCloseTo(report.tags.Claim!.alphaU!, 12);
    expect(Number(claim.cohen_kappa)).toBeCloseTo(report.tags.Claim!.kappa!, 12);
    expect(claim.units).toBe('10');
    expect(rows[4]!.alpha).toBe(''); // nobody marked a quote: alpha undefined
    expect(rows[3]).toMatchObject({ level: 'nominal', percent_agreement: '50', units: '2' });
    // A coder's name that looks like a formula is defused.
    expect(claim.coders).toBe("'=ana | ben");
    expect(claim.unit_kind).toBe('tokens');
  });
});
