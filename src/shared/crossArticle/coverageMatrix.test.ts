import { describe, expect, it } from 'vitest';
import { coverageMatrix, type CoverageInput } from './coverageMatrix';
import type { Annotation } from '../model/model';
import { paragraphStarts } from '../anchoring/paragraphStarts';

const TEXT_A = 'Headline A\n\nThe envoy resigned.\n“I am ashamed,” Mr Bondarev said.';
const TEXT_B = 'Headline B\nBondarev wrote that he was “ashamed”. Later he added more.\n“I am ashamed”';

function annotation(articleId: string, id: string, tagId: string, text: string, exact: string, from = 0): Annotation {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`no "${exact}"`);
  const stamp = '2024-01-01T00:00:00.000Z';
  return { id, articleId, tagId, start, end: start + exact.length, exact, prefix: '', suffix: '', note: '', attributes: {}, creator: 'ana', created: stamp, modified: stamp };
}

/** An article row as the store has it, with more fields than the matrix keeps. */
const STORED_A = { id: 'A', title: 'Article A', date: '2022-05-23', outlet: 'Times', hash: 'h', length: 1, origin: null };

function input(): CoverageInput {
  const a = [
    annotation('A', 'qa', 'quote', TEXT_A, 'I am ashamed,'),
    annotation('A', 'sa', 'source', TEXT_A, 'Mr Bondarev said'),
    annotation('A', 'ca', 'claim', TEXT_A, 'The envoy resigned.'),
  ];
  const b = [
    annotation('B', 'qb2', 'quote', TEXT_B, 'I am ashamed', 60),
    annotation('B', 'qb1', 'quote', TEXT_B, 'ashamed'),
    annotation('B', 'sb', 'source', TEXT_B, 'Bondarev wrote'),
  ];
  return {
    articles: [
      STORED_A,
      { id: 'B', title: 'Article B', date: null, outlet: null },
      { id: 'C', title: 'Article C', date: null, outlet: null },
    ],
    groups: [
      {
        id: 'g1',
        label: 'Ashamed',
        members: [
          { articleId: 'B', annotationId: 'qb2' },
          { articleId: 'A', annotationId: 'qa' },
          { articleId: 'B', annotationId: 'qb1' },
          { articleId: 'C', annotationId: 'deleted-meanwhile' },
        ],
        created: '',
        modified: '',
      },
      { id: 'g2', label: 'Resigned', members: [{ articleId: 'A', annotationId: 'ca' }], created: '', modified: '' },
    ],
    annotationsByArticle: new Map([
      ['A', a],
      ['B', b],
      ['C', []],
    ]),
    paragraphStartsByArticle: new Map([
      ['A', paragraphStarts(TEXT_A)],
      ['B', paragraphStarts(TEXT_B)],
    ]),
    sourceLinks: [
      { id: 'l1', quote: { articleId: 'A', annotationId: 'qa' }, source: { articleId: 'A', annotationId: 'sa' }, created: '' },
      { id: 'l2', quote: { articleId: 'B', annotationId: 'qb1' }, source: { articleId: 'B', annotationId: 'sb' }, created: '' },
      { id: 'l3', quote: { articleId: 'B', annotationId: 'qb1' }, source: { articleId: 'B', annotationId: 'gone' }, created: '' },
    ],
  };
}

describe('coverageMatrix', () => {
  it('lists the articles as columns in the order given, with only their id, title, date and outlet', () => {
    expect(coverageMatrix(input()).articles).toEqual([
      { id: 'A', title: 'Article A', date: '2022-05-23', outlet: 'Times' },
      { id: 'B', title: 'Article B', date: null, outlet: null },
      { id: 'C', title: 'Article C', date: null, outlet: null },
    ]);
  });

  it('gives each group its members per article, in text order, with paragraph and credit', () => {
    const [ashamed, resigned] = coverageMatrix(input()).rows;
    expect(ashamed!.groupId).toBe('g1');
    expect(ashamed!.label).toBe('Ashamed');
    expect(Object.keys(ashamed!.cells).sort()).toEqual(['A', 'B']);
    expect(ashamed!.cells.A).toEqual([
      { annotationId: 'qa', tagId: 'quote', exact: 'I am ashamed,', start: TEXT_A.indexOf('I am'), end: TEXT_A.indexOf('I am') + 13, paragraph: 3, creditedTo: 'Mr Bondarev said' },
    ]);
    expect(ashamed!.cells.B!.map((c) => [c.annotationId, c.paragraph, c.creditedTo])).toEqual([
      ['qb1', 2, 'Bondarev wrote'],
      ['qb2', 3, null],
    ]);
    expect(resigned!.cells).toEqual({
      A: [expect.objectContaining({ annotationId: 'ca', exact: 'The envoy resigned.', paragraph: 2, creditedTo: null })],
    });
  });

  it('credits by the people index: the name of a Source, or the speaker of an unlinked Quote, shows the canonical name and id', () => {
    const data = input();
    const withAttrs = (list: readonly Annotation[]) =>
      list.map((x) => (x.id === 'sa' ? { ...x, attributes: { name: 'Mr Bondarev' } } : x.id === 'qb2' ? { ...x, attributes: { speaker: 'Bondarev' } } : x));
    data.annotationsByArticle = new Map([...data.annotationsByArticle].map(([id, list]) => [id, withAttrs(list)]));
    data.speakers = (_article, name) => (name && /Bondarev/.test(name) ? { id: 'boris-bondarev', name: 'Boris Bondarev' } : null);
    const [ashamed] = coverageMatrix(data).rows;
    expect(ashamed!.cells.A![0]).toMatchObject({ creditedTo: 'Boris Bondarev', creditedIds: ['boris-bondarev'] });
    expect(ashamed!.cells.B!.map((c) => [c.annotationId, c.creditedTo, c.creditedIds])).toEqual([
      ['qb1', 'Bondarev wrote', undefined],
      ['qb2', 'Boris Bondarev', ['boris-bondarev']],
    ]);
    // Without the index the name is shown as typed.
    delete data.speakers;
    expect(coverageMatrix(data).rows[0]!.cells.A![0]!.creditedTo).toBe('Mr Bondarev');
  });

  it('joins several linked sources with "; " in text order', () => {
    const data = input();
    const extra = annotation('A', 'sa0', 'source', TEXT_A, 'The envoy');
    data.annotationsByArticle = new Map([...data.annotationsByArticle, ['A', [...data.annotationsByArticle.get('A')!, extra]]]);
    data.sourceLinks = [...data.sourceLinks, { id: 'l4', quote: { articleId: 'A', annotationId: 'qa' }, source: { articleId: 'A', annotationId: 'sa0' }, created: '' }];
    expect(coverageMatrix(data).rows[0]!.cells.A![0]!.creditedTo).toBe('The envoy; Mr Bondarev said');
  });

  it('takes the Speaker attribute of a member as the cell’s speaker', () => {
    const data = input();
    const [qa, ...rest] = data.annotationsByArticle.get('A')!;
    data.annotationsByArticle = new Map([...data.annotationsByArticle, ['A', [{ ...qa!, attributes: { speaker: ' Boris Bondarev ' } }, ...rest]]]);
    const row = coverageMatrix(data).rows[0]!;
    expect(row.cells.A![0]!.speaker).toBe('Boris Bondarev');
    expect(row.cells.B![0]!.speaker).toBeUndefined();
  });

  it('with rows "annotations": one row per Quote or Claim in library then text order, labelled by its first words, with its groups’ members', () => {
    const { rows } = coverageMatrix({ ...input(), rows: 'annotations', rowTagIds: new Set(['quote', 'claim']) });
    // Sources make no row; A's claim comes before its quote in the text.
    expect(rows.map((r) => [r.annotation?.annotationId, r.groupId, r.label])).toEqual([
      ['ca', 'g2', 'The envoy resigned'],
      ['qa', 'g1', 'I am ashamed'],
      ['qb1', 'g1', 'Ashamed'],
      ['qb2', 'g1', 'I am ashamed'],
    ]);
    // The quote's row carries its group's members in both articles.
    const qa = rows[1]!;
    expect(qa.annotation).toEqual({ articleId: 'A', annotationId: 'qa', tagId: 'quote' });
    expect(qa.cells.A!.map((c) => c.annotationId)).toEqual(['qa']);
    expect(qa.cells.B!.map((c) => c.annotationId)).toEqual(['qb1', 'qb2']);
  });

  it('with rows "annotations": an annotation in no group has only its own cell and no group id', () => {
    const data = input();
    data.groups = [];
    const { rows } = coverageMatrix({ ...data, rows: 'annotations', rowTagIds: new Set(['quote']) });
    expect(rows.map((r) => r.annotation!.annotationId)).toEqual(['qa', 'qb1', 'qb2']);
    expect(rows[0]!.groupId).toBe('');
    expect(Object.keys(rows[0]!.cells)).toEqual(['A']);
  });
});
