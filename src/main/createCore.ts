/**
 * The Node core: every method of the API contract over one data folder. Both
 * transports (Electron IPC, the HTTP host) and the CLI use it. On first use
 * of an empty folder it imports the default corpus; a folder whose index.json
 * cannot be read stops here with corrupt_data, and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError } from '../shared/apiError';
import type { Input, Output, TriangulateApi } from '../shared/contract';
import { DEFAULT_CODEBOOK, type Annotation, type ArticleSummary } from '../shared/model';
import { quoteSelector, trimRange } from '../shared/quoteSelector';
import { toAnnotationCollection } from '../shared/w3cExport';
import { DataStore } from './dataStore';
import { defaultCreator } from './defaultCreator';
import { importDefaultCorpus } from './importDefaultCorpus';

export interface CoreOptions {
  dataDir: string;
  /** Folder of `*.txt` articles imported when the data folder holds no library yet. */
  corpusDir: string;
  now?: () => Date;
  newId?: () => string;
  /** Creator of new annotations; defaults to the library's setting (the account's user name). */
  creator?: string;
}

export type Core = TriangulateApi & {
  close(): Promise<void>;
  /** Absolute path of the data folder. */
  dataDir: string;
};

export async function createCore(options: CoreOptions): Promise<Core> {
  const dataDir = resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());

  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new ApiError('internal', `Cannot create the data folder ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const store =
    (await DataStore.open(dataDir)) ??
    (await DataStore.create(dataDir, {
      articles: await importDefaultCorpus(options.corpusDir),
      codebook: DEFAULT_CODEBOOK,
      settings: { creator: options.creator ?? defaultCreator() },
    }));

  let closed = false;
  const ensureOpen = (): void => {
    if (closed) throw new ApiError('internal', `The data folder ${dataDir} has been closed.`);
  };
  const creator = (): string => options.creator || store.settings().creator || defaultCreator();
  const requireArticle = (id: string) => {
    const meta = store.article(id);
    if (!meta) throw new ApiError('not_found', `There is no article with id "${id}".`);
    return meta;
  };
  const requireTag = (tagId: string): void => {
    if (!store.codebook().some((t) => t.id === tagId)) {
      throw new ApiError('invalid_input', `There is no tag "${tagId}" in the codebook.`);
    }
  };
  const notFoundAnnotation = (articleId: string, id: string): ApiError =>
    new ApiError('not_found', `There is no annotation "${id}" in article "${articleId}".`);

  return {
    dataDir,

    async listArticles(): Promise<Output<'listArticles'>> {
      ensureOpen();
      const counts = await store.counts();
      const zeros = Object.fromEntries(store.codebook().map((t) => [t.id, 0]));
      return store.articles().map(
        (meta): ArticleSummary => ({ ...meta, counts: { ...zeros, ...counts.get(meta.id) } }),
      );
    },

    async getArticle({ id }: Input<'getArticle'>): Promise<Output<'getArticle'>> {
      ensureOpen();
      const meta = requireArticle(id);
      return { ...meta, text: await store.text(id) };
    },

    async getCodebook(): Promise<Output<'getCodebook'>> {
      ensureOpen();
      return store.codebook().map((t) => ({ ...t }));
    },

    async listAnnotations({ articleId }: Input<'listAnnotations'>): Promise<Output<'listAnnotations'>> {
      ensureOpen();
      requireArticle(articleId);
      return inTextOrder(await store.annotations(articleId));
    },

    async createAnnotation(input: Input<'createAnnotation'>): Promise<Output<'createAnnotation'>> {
      ensureOpen();
      requireArticle(input.articleId);
      requireTag(input.tagId);
      const text = await store.text(input.articleId);
      if (!(input.start >= 0 && input.start < input.end && input.end <= text.length)) {
        throw new ApiError(
          'invalid_input',
          `The selection ${input.start}–${input.end} is not inside the article's text (${text.length} characters).`,
        );
      }
      const range = trimRange(text, input.start, input.end);
      if (!range) throw new ApiError('invalid_input', 'The selection holds only white space.');
      const stamp = now().toISOString();
      const annotation: Annotation = {
        id: newId(),
        articleId: input.articleId,
        tagId: input.tagId,
        start: range.start,
        end: range.end,
        ...quoteSelector(text, range.start, range.end),
        note: input.note ?? '',
        creator: creator(),
        created: stamp,
        modified: stamp,
      };
      return store.updateAnnotations(input.articleId, (current) => ({
        annotations: [...current, annotation],
        result: { ...annotation },
      }));
    },

    async updateAnnotation(input: Input<'updateAnnotation'>): Promise<Output<'updateAnnotation'>> {
      ensureOpen();
      requireArticle(input.articleId);
      if (input.tagId !== undefined) requireTag(input.tagId);
      return store.updateAnnotations(input.articleId, (current) => {
        const index = current.findIndex((a) => a.id === input.id);
        const old = current[index];
        if (!old) throw notFoundAnnotation(input.articleId, input.id);
        const updated: Annotation = {
          ...old,
          tagId: input.tagId ?? old.tagId,
          note: input.note ?? old.note,
          modified: now().toISOString(),
        };
        return { annotations: current.map((a, i) => (i === index ? updated : a)), result: { ...updated } };
      });
    },

    async deleteAnnotation(input: Input<'deleteAnnotation'>): Promise<Output<'deleteAnnotation'>> {
      ensureOpen();
      requireArticle(input.articleId);
      return store.updateAnnotations(input.articleId, (current) => {
        if (!current.some((a) => a.id === input.id)) throw notFoundAnnotation(input.articleId, input.id);
        return { annotations: current.filter((a) => a.id !== input.id), result: { deleted: true as const } };
      });
    },

    async exportW3C(): Promise<Output<'exportW3C'>> {
      ensureOpen();
      const annotationsByArticle = new Map<string, readonly Annotation[]>();
      for (const article of store.articles()) annotationsByArticle.set(article.id, await store.annotations(article.id));
      return toAnnotationCollection({
        articles: store.articles(),
        codebook: store.codebook(),
        annotationsByArticle,
        generated: now().toISOString(),
      });
    },

    async close(): Promise<void> {
      closed = true;
      await store.close();
    },
  };
}

function inTextOrder(annotations: readonly Annotation[]): Annotation[] {
  return annotations
    .map((a) => ({ ...a }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.created.localeCompare(b.created));
}
