/**
 * Test support (not part of the app): a fresh data folder per test, cores
 * opened on it with the bundled seed corpus, a fake clock (one second per
 * call) and ids n1, n2, …, all closed and removed after each test.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/main/core/createCore';
import { useTempDir } from './useTempDir';

export const SEED_CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

/** The seed articles' ids, in library order. */
export const SEED = {
  A000: '000_9c2375f696f0b1fa',
  A001: '001_b0e24d4478126009',
  A002: '002_38b56a2e379d189f',
  A003: '003_c187356a61dfc698',
  A004: '004_fe53cb2bbc3036b3',
} as const;

export interface TestLibrary {
  /** This test's data folder (empty at the start). */
  dir(): string;
  /** A core on `dir()` (or `options.dataDir`); ids and clock continue across the cores of one test. */
  open(options?: Partial<CoreOptions>): Promise<Core>;
}

export function useTestLibrary(): TestLibrary {
  const dir = useTempDir('triangulate-test-');
  let open: Core[] = [];
  let tick = 0;
  let id = 0;
  beforeEach(() => {
    tick = 0;
    id = 0;
  });
  // Runs before useTempDir removes the folder (after-hooks run in reverse order).
  afterEach(async () => {
    await Promise.all(open.map((core) => core.close()));
    open = [];
  });
  return {
    dir,
    async open(options = {}) {
      const core = await createCore({
        dataDir: dir(),
        corpusDir: SEED_CORPUS,
        creator: 'ana',
        now: () => new Date(Date.UTC(2024, 0, 1, 12, 0, tick++)),
        newId: () => `n${++id}`,
        alignWorkerFile: null,
        ...options,
      });
      open.push(core);
      return core;
    },
  };
}

/** The range of `needle` in an article's canonical text; throws when the article does not hold it. */
export async function passageRange(core: Core, articleId: string, needle: string): Promise<{ articleId: string; start: number; end: number }> {
  const text = (await core.getArticle({ id: articleId })).text;
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in ${articleId}`);
  return { articleId, start, end: start + needle.length };
}
