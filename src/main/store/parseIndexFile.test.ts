import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/model/model';
import { parseIndexFile } from './parseIndexFile';
import { IndexFileSchema, parseStoreFile } from './storeFileSchemas';

const meta = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Title ${id}`,
  date: '2024-01-02',
  outlet: null,
  hash: 'ab'.repeat(32),
  length: 120,
  origin: `${id}.txt`,
  author: null,
  url: null,
  language: 'en',
  note: '',
  ...extra,
});
const file = (articles: unknown[]) => ({ schemaVersion: SCHEMA_VERSION, articles, codebook: [], settings: { creator: 'ana' } });
const schemaSays = (value: unknown) => {
  try {
    return parseStoreFile(IndexFileSchema, value);
  } catch (error) {
    return (error as Error).message;
  }
};
const weSay = (value: unknown) => {
  try {
    return parseIndexFile(value);
  } catch (error) {
    return (error as Error).message;
  }
};

describe('parseIndexFile', () => {
  it('reads what the schema reads, with the same result', () => {
    for (const value of [
      file([meta('a'), meta('b', { standfirst: 'Dek', modified: null })]),
      // Written before editable metadata: defaults filled in.
      file([meta('a'), { id: 'old', title: 'Old', date: null, outlet: null, hash: 'x', length: 3, origin: null }]),
      // A field no version writes: dropped, as the schema does.
      file([meta('a', { extra: 1 })]),
      file([]),
    ]) {
      expect(weSay(value)).toEqual(schemaSays(value));
    }
  });

  it('refuses what the schema refuses, with its message', () => {
    for (const value of [
      file([meta('a'), meta('a')]),
      file([meta('a', { length: -1 })]),
      file([meta('bad id')]),
      file([meta('a', { language: 'x'.repeat(36) })]),
      file([meta('a', { note: 5 })]),
      { ...file([meta('a')]), settings: null },
      { ...file([meta('a')]), schemaVersion: SCHEMA_VERSION + 1 },
      [meta('a')],
      null,
    ]) {
      const ours = weSay(value);
      expect(typeof ours).toBe('string');
      expect(ours).toBe(schemaSays(value));
    }
  });
});
