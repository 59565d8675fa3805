import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../model/model';
import { passimLine } from './passimDocument';

const meta: ArticleMeta = {
  id: '2022-05-23-reuters',
  title: 'Russian diplomat quits',
  date: '2022-05-23',
  outlet: 'Reuters',
  hash: 'x',
  length: 26,
  origin: null,
  author: null,
  url: null,
  language: 'en',
  note: '',
};

describe('passimLine', () => {
  it('writes one JSON line with passim’s fields: id, series = the outlet, date, and our canonical text', () => {
    const line = passimLine(meta, 'First line.\nSecond “line”.');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(line)).toEqual({ id: '2022-05-23-reuters', series: 'Reuters', date: '2022-05-23', title: 'Russian diplomat quits', version: 1, text: 'First line.\nSecond “line”.' });
  });

  it('gives an article without an outlet a series of its own, so passim still compares it with every other', () => {
    const doc = JSON.parse(passimLine({ ...meta, outlet: null, date: null }, 't'));
    expect(doc.series).toBe('article:2022-05-23-reuters');
    expect('date' in doc).toBe(false);
  });

  it('says which version of the article’s text it writes: the current one of an article with several', () => {
    const version = (n: number) => ({ version: n, hash: `h${n}`, length: 1, origin: 'page.html', imported: '2024-01-0' + n + 'T00:00:00Z', modified: null });
    const doc = JSON.parse(passimLine({ ...meta, versions: [version(1), version(2), version(3)] }, 'Third text.'));
    expect(doc).toMatchObject({ id: '2022-05-23-reuters', version: 3, text: 'Third text.' });
  });
});
