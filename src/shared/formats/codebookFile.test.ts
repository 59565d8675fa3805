import { describe, expect, it } from 'vitest';
import { readCodebookFile, toCodebookFile } from './codebookFile';
import { DEFAULT_CODEBOOK } from '../model/model';

describe('codebook file', () => {
  it('reads back what it writes, through JSON', () => {
    const file = toCodebookFile(DEFAULT_CODEBOOK, '2026-01-01T00:00:00.000Z');
    expect(file).toMatchObject({ format: 'triangulate-codebook', version: 1 });
    expect(readCodebookFile(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, tags: DEFAULT_CODEBOOK });
  });

  it('refuses other JSON with one sentence saying why', () => {
    expect(readCodebookFile([1, 2])).toEqual({ ok: false, message: 'This is not a codebook Triangulate can import: it is not a JSON object.' });
    expect(readCodebookFile({ type: 'AnnotationCollection' })).toEqual({
      ok: false,
      message: 'This is not a codebook Triangulate can import: its "format" is missing, not "triangulate-codebook".',
    });
  });

  it('refuses a newer version and a wrong shape', () => {
    const file = toCodebookFile(DEFAULT_CODEBOOK, 'x');
    expect(readCodebookFile({ ...file, version: 7 })).toMatchObject({ ok: false, message: expect.stringContaining('newer Triangulate') });
    const bad = readCodebookFile({ ...file, tags: [{ ...file.tags[0], color: 'blue' }] });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('tags.0.color') });
  });

  it('refuses a file that breaks the codebook rules', () => {
    const file = toCodebookFile(DEFAULT_CODEBOOK, 'x');
    expect(readCodebookFile({ ...file, tags: [file.tags[0], { ...file.tags[1], key: 1 }] })).toEqual({
      ok: false,
      message: 'This is not a codebook Triangulate can import: "Claim" and "Quote" both have the key 1.',
    });
  });
});
