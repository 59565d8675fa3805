/**
 * The default corpus that ships with Triangulate (the repository's `corpus/`
 * folder). $TRIANGULATE_CORPUS wins when set; otherwise the folder is looked
 * for next to the code, which sits two levels down both in the sources
 * (src/main/) and in the build (out/main/, or a chunk folder below it).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BundledCorpusDirOptions {
  env?: NodeJS.ProcessEnv;
  /** URL of the module asking; defaults to this module's. */
  moduleUrl?: string;
  exists?: (path: string) => boolean;
}

export function bundledCorpusDir(options: BundledCorpusDirOptions = {}): string {
  const env = options.env ?? process.env;
  if (env.TRIANGULATE_CORPUS) return resolve(env.TRIANGULATE_CORPUS);
  const exists = options.exists ?? existsSync;
  const here = dirname(fileURLToPath(options.moduleUrl ?? import.meta.url));
  const candidates = [join(here, '..', '..', 'corpus'), join(here, '..', '..', '..', 'corpus'), join(here, '..', 'corpus')];
  // When none exists, the first is returned so the error names the expected place.
  return candidates.find((dir) => exists(dir)) ?? candidates[0]!;
}
