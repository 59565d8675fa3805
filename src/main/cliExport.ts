/**
 * `npm run cli -- export --out FILE [--data DIR]`: writes every annotation in
 * the library as a W3C Web Annotation collection (pretty JSON, UTF-8,
 * replaced atomically) and prints one line saying what it wrote.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CREDITED_BY, isTaggingAnnotation } from '../shared/w3cExport';
import { bundledCorpusDir } from './bundledCorpusDir';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { createCore } from './createCore';
import { defaultDataDir } from './defaultDataDir';
import { writeFileAtomic } from './writeFileAtomic';

export const EXPORT_USAGE = `Usage: npm run cli -- export --out FILE [--data DIR]

Writes every annotation as W3C Web Annotation JSON (an AnnotationCollection),
with the groups and Quote→Source links as linking annotations.
  --out FILE   file to write; replaced if it exists
  --data DIR   data folder (default: $TRIANGULATE_DATA, else the per-user
               Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const EXPORT_COMMAND = {
  name: 'triangulate export',
  usage: EXPORT_USAGE,
  options: { data: { type: 'string' }, out: { type: 'string' } },
} as const;

export async function runExport(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(EXPORT_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.out) {
    return usageError(EXPORT_COMMAND, '--out FILE is required', io);
  }

  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  const outFile = resolve(io.cwd, values.out);
  try {
    if (!isDirectory(dataDir)) {
      io.err(`triangulate export: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    if (isStoreFile(dataDir, outFile)) {
      io.err(`triangulate export: ${outFile} is one of the library's own files; choose another --out`);
      return 1;
    }
    const core = await createCore({ dataDir, corpusDir: bundledCorpusDir() });
    let collection;
    try {
      collection = await core.exportW3C({});
    } finally {
      await core.close();
    }
    try {
      await writeFileAtomic(outFile, `${JSON.stringify(collection, null, 2)}\n`);
    } catch (error) {
      throw new Error(`cannot write ${outFile}: ${oneLine(error)}`);
    }
    const annotations = collection.items.filter(isTaggingAnnotation);
    const articles = new Set(annotations.map((item) => item.target.source)).size;
    const links = collection.items.filter((item) => item.motivation === 'linking');
    const sourceLinks = links.filter((item) => item['triangulate:relation'] === CREDITED_BY).length;
    const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const linked = links.length > 0 ? `, ${plural(links.length - sourceLinks, 'group')} and ${plural(sourceLinks, 'source link')}` : '';
    io.out(`Exported ${annotations.length} annotations from ${articles} articles${linked} to ${outFile}`);
    return 0;
  } catch (error) {
    io.err(`triangulate export: ${oneLine(error)}`);
    return 1;
  }
}

export const exportCommand: CliCommand = {
  summary: 'Write every annotation as W3C Web Annotation JSON',
  run: runExport,
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** index.json, links.json, or anything in texts/ or annotations/: an export must never replace them. */
function isStoreFile(dataDir: string, file: string): boolean {
  return (
    file === join(dataDir, 'index.json') ||
    file === join(dataDir, 'links.json') ||
    dirname(file) === join(dataDir, 'texts') ||
    dirname(file) === join(dataDir, 'annotations')
  );
}
