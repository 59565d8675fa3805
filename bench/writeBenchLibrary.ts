/**
 * Writes a synthetic library (bench/syntheticCorpus.ts) as a real data
 * folder, in the files and format DataStore writes (index.json,
 * texts/<id>.json, annotations/<id>.json, each checked against the store's
 * schemas) but without an fsync per file, so 10,000 articles take seconds.
 * Every article gets `annotationsPerArticle` annotations over whole words,
 * built by the core's buildAnnotation (quote selectors, trimmed ranges) with
 * tags, attribute values, dates and outlets drawn from the same seeded
 * random sequence: same options, same folder, byte for byte.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkAttributeValues } from '../src/shared/codebook/checkAttributeValues';
import { DEFAULT_CODEBOOK, SCHEMA_VERSION, type Annotation, type ArticleMeta } from '../src/shared/model/model';
import { buildAnnotation } from '../src/main/core/buildAnnotation';
import { AnnotationFileSchema, IndexFileSchema, TextFileSchema, parseStoreFile } from '../src/main/store/storeFileSchemas';
import { textHash } from '../src/main/store/textHash';
import { ID_RULE_MARKER } from '../src/main/store/migrateUnsafeIds';
import type { SyntheticArticle } from './syntheticCorpus';
import { seededRandom } from '../tools/seededRandom';

export interface BenchLibraryOptions {
  annotationsPerArticle: number;
  seed?: number;
  /** Makes each article's annotations instead of benchAnnotations (several coders' versions, say). */
  annotate?: (articleId: string, text: string, count: number, random: () => number) => Annotation[];
}

export interface BenchLibrary {
  dataDir: string;
  articles: number;
  annotations: number;
  /** Bytes of article text. */
  textBytes: number;
}

const OUTLETS = ['Reuters', 'AP', 'BBC', 'The Guardian', 'Le Monde', 'Der Spiegel', 'NZZ', 'El País', 'Al Jazeera', 'NPR'];
const STAMP = '2026-01-01T00:00:00.000Z';

/** Annotations over whole words of `text`, `count` of them, from `random`. */
export function benchAnnotations(articleId: string, text: string, count: number, random: () => number): Annotation[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: Annotation[] = [];
  for (let k = 0; k < count && words.length > 0; k++) {
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + Math.floor(random() * 12));
    const tag = DEFAULT_CODEBOOK[Math.floor(random() * DEFAULT_CODEBOOK.length)]!;
    const check = checkAttributeValues(tag, {});
    const built = buildAnnotation(
      text,
      { articleId, tagId: tag.id, start: words[first]!.start, end: words[last]!.end },
      { id: `${articleId}-a${k}`, creator: 'bench', stamp: STAMP },
    );
    out.push({ ...built, attributes: check.ok ? check.values : {} });
  }
  return out;
}

export async function writeBenchLibrary(dataDir: string, corpus: readonly SyntheticArticle[], options: BenchLibraryOptions): Promise<BenchLibrary> {
  const random = seededRandom(options.seed ?? 7);
  await mkdir(join(dataDir, 'texts'), { recursive: true });
  await mkdir(join(dataDir, 'annotations'), { recursive: true });
  const metas: ArticleMeta[] = [];
  let annotations = 0;
  let textBytes = 0;
  const pending: Promise<void>[] = [];
  const flush = async () => {
    await Promise.all(pending);
    pending.length = 0;
  };
  for (const [i, article] of corpus.entries()) {
    const firstLine = article.text.slice(0, article.text.indexOf('.') + 1 || 80).slice(0, 90);
    const day = 1 + (i % 28);
    metas.push({
      id: article.id,
      title: firstLine,
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      outlet: OUTLETS[Math.floor(random() * OUTLETS.length)]!,
      hash: textHash(article.text),
      length: article.text.length,
      origin: `${article.id}.txt`,
      author: null,
      url: null,
      language: 'en',
      note: '',
    });
    textBytes += Buffer.byteLength(article.text);
    const text = parseStoreFile(TextFileSchema, { schemaVersion: SCHEMA_VERSION, id: article.id, text: article.text });
    const list = (options.annotate ?? benchAnnotations)(article.id, article.text, options.annotationsPerArticle, random);
    annotations += list.length;
    const file = parseStoreFile(AnnotationFileSchema, { schemaVersion: SCHEMA_VERSION, articleId: article.id, annotations: list, rejectedSuggestions: [] });
    pending.push(writeFile(join(dataDir, 'texts', `${article.id}.json`), `${JSON.stringify(text, null, 2)}\n`));
    pending.push(writeFile(join(dataDir, 'annotations', `${article.id}.json`), `${JSON.stringify(file, null, 2)}\n`));
    if (pending.length >= 256) await flush();
  }
  await flush();
  const index = parseStoreFile(IndexFileSchema, {
    schemaVersion: SCHEMA_VERSION,
    articles: metas,
    codebook: DEFAULT_CODEBOOK,
    settings: { creator: 'bench' },
  });
  await writeFile(join(dataDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  // As DataStore.create does: a library Triangulate wrote follows the id rule (no id migration at its first start).
  await writeFile(join(dataDir, ID_RULE_MARKER), `${new Date(0).toISOString()}\n`);
  return { dataDir, articles: corpus.length, annotations, textBytes };
}
