/**
 * Writes a whole library to a file article by article, so memory stays flat
 * however many annotations it holds: `w3c` (the W3C collection, byte for
 * byte the JSON of exportW3C written pretty), `project` (byte for byte the
 * JSON of exportProject) or `csv` (annotationCsv). The file replaces its
 * target only once complete (atomicFileWriter).
 */
import {
  annotationCsvHeader,
  annotationCsvRows,
  annotationRawColumns,
  BYTE_ORDER_MARK,
  csvRecords,
  groupLabelsByAnnotation,
} from '../../shared/formats/csv/annotationCsv';
import { passimLine } from '../../shared/formats/passim/passimDocument';
import { prettyJsonFrame, prettyJsonFrameArrayEnd, prettyJsonFrameElement } from '../../shared/formats/w3c/prettyJsonFrame';
import { prettyJsonClosing, prettyJsonElement, prettyJsonOpening } from '../../shared/formats/prettyJsonParts';
import { collectionWithItems, inExportOrder, linkedAnnotationIds, linkingItems, toW3CAnnotation, type W3CAnnotation } from '../../shared/formats/w3c/w3cExport';
import { writePagedW3C } from './writePagedW3C';
import { annotationFilesInOrder } from './annotationFilesInOrder';
import { openAtomicFile, type AtomicFileWriter } from '../store/atomicFileWriter';
import { projectArticle, projectHead, type ExportSource } from './projectParts';
import { readAhead } from './readAhead';
import { qdpxBytes } from './qdpxBytes';

export const EXPORT_FORMATS = ['w3c', 'project', 'csv', 'qdpx', 'passim'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportSummary {
  annotations: number;
  /** Articles with at least one annotation. */
  annotatedArticles: number;
  articles: number;
  groups: number;
  sourceLinks: number;
  /** Page files written beside the collection (a paged W3C export of more than one page); 0 otherwise. */
  pages?: number;
}

export interface StreamExportOptions {
  /** W3C only: AnnotationPages of at most this many items, each in its own file beside the collection (writePagedW3C). */
  pageSize?: number;
}

export async function streamExport(
  source: ExportSource,
  format: ExportFormat,
  outFile: string,
  generated: string,
  options: StreamExportOptions = {},
): Promise<ExportSummary> {
  if (format === 'w3c' && options.pageSize !== undefined) return writePagedW3C(source, outFile, generated, options.pageSize, w3cItems);
  const out = await openAtomicFile(outFile);
  try {
    const summary = await WRITERS[format](source, out, generated);
    await out.commit();
    return summary;
  } catch (error) {
    await out.abort();
    throw error;
  }
}

type Writer = (source: ExportSource, out: AtomicFileWriter, generated: string) => Promise<ExportSummary>;

const WRITERS: Record<ExportFormat, Writer> = {
  async w3c(source, out, generated) {
    // One pass, straight into the file: the collection's one page holds the items, and the
    // total is written after them.
    const start = prettyJsonFrame((items) => collectionWithItems(generated, items, 0));
    await out.write(start.opening);
    let index = 0;
    const summary = await w3cItems(source, async (item) => {
      await out.write(prettyJsonFrameElement(start, item, index++));
    });
    const end = prettyJsonFrame((items) => collectionWithItems(generated, items, index));
    if (end.opening !== start.opening) throw new Error('the collection changed while it was written');
    await out.write(prettyJsonFrameArrayEnd(end, index) + end.closing);
    return summary;
  },

  async project(source, out, generated) {
    const head = await projectHead(source, generated);
    await out.write(prettyJsonOpening(head, 'articles'));
    let annotations = 0;
    let annotatedArticles = 0;
    let index = 0;
    for await (const article of readAhead(source.store.articles(), (meta) => projectArticle(source.store, meta, source.speakers))) {
      annotations += article.annotations.length;
      if (article.annotations.length > 0) annotatedArticles++;
      await out.write(prettyJsonElement(article, index++));
    }
    await out.write(prettyJsonClosing(index));
    return { annotations, annotatedArticles, articles: index, groups: head.groups.length, sourceLinks: head.sourceLinks.length };
  },

  async qdpx(source, out, generated) {
    // A zip is written whole: the project is gathered in memory first (texts included).
    const head = await projectHead(source, generated);
    const articles = [];
    for await (const article of readAhead(source.store.articles(), (meta) => projectArticle(source.store, meta))) articles.push(article);
    await out.writeBytes(qdpxBytes({ ...head, articles }));
    const annotations = articles.reduce((n, a) => n + a.annotations.length, 0);
    return { annotations, annotatedArticles: articles.filter((a) => a.annotations.length > 0).length, articles: articles.length, groups: head.groups.length, sourceLinks: head.sourceLinks.length };
  },

  async csv({ store, links, speakers }, out) {
    const { groups, sourceLinks } = await links.read();
    const codebook = store.codebook();
    const labels = groupLabelsByAnnotation(groups);
    await out.write(BYTE_ORDER_MARK + csvRecords([annotationCsvHeader(codebook)]));
    let annotations = 0;
    let annotatedArticles = 0;
    for await (const { meta, file } of annotationFilesInOrder(store)) {
      const rows = [...inExportOrder(file.annotations), ...inExportOrder(file.unanchored)];
      annotations += rows.length;
      if (rows.length > 0) annotatedArticles++;
      await out.write(csvRecords(annotationCsvRows(meta, rows, codebook, labels, speakers), annotationRawColumns(codebook)));
    }
    return { annotations, annotatedArticles, articles: store.articles().length, groups: groups.length, sourceLinks: sourceLinks.length };
  },

  async passim({ store }, out) {
    // passim's input: one JSON line per article (id, series = outlet, date, text); no annotations.
    let articles = 0;
    for await (const line of readAhead(store.articles(), async (meta) => passimLine(meta, await store.text(meta.id)))) {
      await out.write(line);
      articles++;
    }
    return { annotations: 0, annotatedArticles: 0, articles, groups: 0, sourceLinks: 0 };
  },
};

/**
 * Every item of the W3C export, in export order, handed to `write` one at a
 * time: the tagging annotations article by article, then the groups and
 * links. Memory keeps only the ids that groups and source links point at,
 * whatever the number of annotations.
 */
export async function w3cItems({ store, links, speakers }: ExportSource, write: (item: W3CAnnotation) => Promise<void>): Promise<ExportSummary> {
  const { groups, sourceLinks } = await links.read();
  const linked = linkedAnnotationIds(groups, sourceLinks);
  const exportedLinked = new Set<string>();
  let annotations = 0;
  let annotatedArticles = 0;
  const tagNames = new Map(store.codebook().map((t) => [t.id, t.name]));
  for await (const { meta, file } of annotationFilesInOrder(store)) {
    // Then those a newer version of the text no longer holds, over the version they are kept with.
    const all = [...inExportOrder(file.annotations), ...inExportOrder(file.unanchored)];
    if (all.length > 0) annotatedArticles++;
    for (const a of all) {
      await write(toW3CAnnotation(a, meta, tagNames.get(a.tagId) ?? a.tagId, speakers));
      annotations++;
      if (linked.has(a.id)) exportedLinked.add(a.id);
    }
  }
  const linking = linkingItems(groups, sourceLinks, exportedLinked, store.settings().creator);
  for (const item of linking) await write(item);
  const linkCount = linking.filter((l) => l['triangulate:relation'] !== undefined).length;
  return { annotations, annotatedArticles, articles: store.articles().length, groups: linking.length - linkCount, sourceLinks: linkCount };
}
