import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { annotationCsv, annotationCsvHeader } from './annotationCsv';
import { DEFAULT_CODEBOOK, type Annotation } from '../../model/model';

const TEXT = 'Müller said, "no, never".\nThen: =SUM(A1) and "more", déjà vu.';

function annotation(id: string, tagId: string, exact: string, over: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(exact);
  return {
    id,
    articleId: 'a1',
    tagId,
    start,
    end: start + exact.length,
    exact,
    prefix: '',
    suffix: '',
    note: '',
    attributes: {},
    creator: 'ana',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    ...over,
  };
}

const formula = annotation('f', 'claim', '=SUM(A1) and "more"', { note: '-1 + 2', creator: '@bo', attributes: { checkable: true, stance: 'disputes' } });
const quote = annotation('q', 'quote', '"no, never".\nThen', { note: 'line one\r\nline "two"', attributes: { speaker: 'Müller', form: 'direct' } });

const csv = annotationCsv({
  codebook: DEFAULT_CODEBOOK,
  groups: [
    { id: 'g1', label: 'Refusals, all', members: [{ articleId: 'a1', annotationId: 'q' }], created: '', modified: '' },
    { id: 'g2', label: 'Sums', members: [{ articleId: 'a1', annotationId: 'q' }, { articleId: 'a1', annotationId: 'f' }], created: '', modified: '' },
  ],
  articles: [{ id: 'a1', title: 'Déjà, "vu"', annotations: [formula, quote] }],
});

function parsed(): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('annotationCsv', () => {
  it('has a header with one column per attribute of the codebook', () => {
    const [header] = parsed();
    expect(header).toEqual(annotationCsvHeader(DEFAULT_CODEBOOK));
    expect(header).toContain('quote.speaker');
    expect(header).toContain('source.kind');
  });

  it('parses back to one row per annotation in text order, with commas, quotes, line breaks and accents intact', () => {
    const [header, ...rows] = parsed();
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(rows).toHaveLength(2);
    const [q, f] = rows as [string[], string[]];
    expect(col(q, 'annotation_id')).toBe('q');
    expect(col(q, 'article_title')).toBe('Déjà, "vu"');
    expect(col(q, 'exact')).toBe('"no, never".\nThen');
    expect(col(q, 'note')).toBe('line one\r\nline "two"');
    expect(col(q, 'quote.speaker')).toBe('Müller');
    expect(col(q, 'quote.form')).toBe('direct');
    expect(col(q, 'claim.stance')).toBe('');
    expect([col(q, 'start'), col(q, 'end')]).toEqual([String(quote.start), String(quote.end)]);
    expect(col(q, 'groups')).toBe('Refusals, all | Sums');
    expect(col(f, 'claim.checkable')).toBe('true');
    expect(col(f, 'groups')).toBe('Sums');
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    const [header, , f] = parsed();
    const col = (name: string) => f![header!.indexOf(name)];
    expect(col('exact')).toBe(`'=SUM(A1) and "more"`);
    expect(col('note')).toBe(`'-1 + 2`);
    expect(col('creator')).toBe(`'@bo`);
  });

  it('adds whom a Quote or Source credits by the people index, the attribute column keeping what was typed', () => {
    const source = annotation('s', 'source', 'Müller said', { attributes: { name: 'Mr Müller' } });
    const speakers = (_article: string, name: string | null | undefined) => (name?.includes('Müller') ? { id: 'hans-muller', name: 'Hans Müller' } : null);
    const rows = Papa.parse<string[]>(
      annotationCsv({ codebook: DEFAULT_CODEBOOK, groups: [], articles: [{ id: 'a1', title: 'T', annotations: [source, quote, formula] }] }, speakers).slice(1),
      { skipEmptyLines: true },
    ).data;
    const [header, ...body] = rows as [string[], ...string[][]];
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const byId = new Map(body.map((r) => [col(r, 'annotation_id'), r]));
    expect([col(byId.get('s')!, 'source.name'), col(byId.get('s')!, 'speaker_id'), col(byId.get('s')!, 'speaker_name')]).toEqual(['Mr Müller', 'hans-muller', 'Hans Müller']);
    expect([col(byId.get('q')!, 'quote.speaker'), col(byId.get('q')!, 'speaker_name')]).toEqual(['Müller', 'Hans Müller']);
    expect([col(byId.get('f')!, 'speaker_id'), col(byId.get('f')!, 'speaker_name')]).toEqual(['', '']);
    // Without the index: the name as typed, no id.
    const [h2, ...plain] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data as [string[], ...string[][]];
    expect(plain.map((r) => [r[h2.indexOf('speaker_id')], r[h2.indexOf('speaker_name')]])).toEqual([['', 'Müller'], ['', '']]);
  });

  it('ends every record with CRLF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(annotationCsv({ codebook: [], groups: [], articles: [] })).toBe(
      '\uFEFFannotation_id,article_id,article_title,outlet,date,author,url,tag_id,tag,exact,exact_raw,start,end,note,creator,created,modified,groups,text_version,in_current_text,speaker_id,speaker_name\r\n',
    );
  });
});

describe('annotationCsv for analysis', () => {
  // Text cells a spreadsheet would run as formulas, at the start of a passage: "-5 degrees", "=…", "+…", "@…".
  const ARTICLE = '-5 degrees, said the forecast. =A1 is not a formula here; +3 more, @handle wrote "yes".';
  const at = (exact: string, id: string): Annotation => ({ ...annotation(id, 'claim', exact), start: ARTICLE.indexOf(exact), end: ARTICLE.indexOf(exact) + exact.length });
  const rows = [at('-5 degrees', 'a'), at('=A1 is not a formula', 'b'), at('+3 more', 'c'), at('@handle wrote "yes"', 'd'), at('said the forecast', 'e')];
  const text = annotationCsv({
    codebook: DEFAULT_CODEBOOK,
    groups: [],
    articles: [{ id: 'a1', title: 'Weather', outlet: 'Ellis Gazette', date: '2024-05-06', author: 'R. Diaz', url: 'https://example.org/w', annotations: rows }],
  });

  it('gives every row an exact_raw that is exactly the text at start–end, parsed as pandas would (papaparse, header row)', () => {
    const parsedRows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsedRows.errors).toEqual([]);
    expect(parsedRows.data).toHaveLength(rows.length);
    for (const row of parsedRows.data) {
      expect(row.exact_raw).toBe(ARTICLE.slice(Number(row.start), Number(row.end)));
    }
    expect(parsedRows.data.map((r) => r.exact)).toEqual(["'-5 degrees", 'said the forecast', "'=A1 is not a formula", "'+3 more", `'@handle wrote "yes"`]);
  });

  it('has the article\'s outlet, date, author and url on every row', () => {
    const [row] = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(row).toMatchObject({ outlet: 'Ellis Gazette', date: '2024-05-06', author: 'R. Diaz', url: 'https://example.org/w', article_title: 'Weather' });
  });
});
