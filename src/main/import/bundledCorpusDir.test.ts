import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledCorpusDir } from './bundledCorpusDir';

describe('bundledCorpusDir', () => {
  it('finds the repository corpus from the source layout', () => {
    const dir = bundledCorpusDir({ env: {} });
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.txt'))).toHaveLength(5);
  });

  it('finds it from the built layout (out/main) and from a chunk folder below it', () => {
    const exists = (p: string) => p === '/app/corpus';
    expect(bundledCorpusDir({ env: {}, moduleUrl: 'file:///app/out/main/cli.js', exists })).toBe('/app/corpus');
    expect(bundledCorpusDir({ env: {}, moduleUrl: 'file:///app/out/main/chunks/core.js', exists })).toBe('/app/corpus');
  });

  it('prefers TRIANGULATE_CORPUS', () => {
    expect(bundledCorpusDir({ env: { TRIANGULATE_CORPUS: '/elsewhere/texts' }, exists: () => true })).toBe('/elsewhere/texts');
  });

  it('names the expected place when the corpus is nowhere to be found', () => {
    expect(bundledCorpusDir({ env: {}, moduleUrl: 'file:///app/out/main/cli.js', exists: () => false })).toBe('/app/corpus');
  });
});
