/**
 * The W3C export in pages, per the model's paging (Web Annotation Data
 * Model §5): FILE holds the AnnotationCollection, whose `first` and `last`
 * are the IRIs of its first and last AnnotationPages; page n is written
 * beside it as `NAME.page-n.json` (NAME: FILE without `.json`/`.jsonld`),
 * its id ending in `:page:n`, linked to its neighbours by `prev` and
 * `next`. An export that fits one page is the ordinary one-file export (the
 * page embedded as `first`). Items stream through: at most one page is
 * held in memory. Each file replaces its target only once complete; page
 * files of an earlier, longer export under the same name are removed.
 */
import { rm, stat } from 'node:fs/promises';
import { prettyJsonFrame, prettyJsonFrameArrayEnd, prettyJsonFrameElement } from '../../shared/formats/w3c/prettyJsonFrame';
import { annotationPage, collectionWithItems, pagedCollectionHead, type W3CAnnotation } from '../../shared/formats/w3c/w3cExport';
import { openAtomicFile } from '../store/atomicFileWriter';
import type { ExportSource } from './projectParts';
import type { ExportSummary } from './streamExport';

/** Largest page size accepted: a page is held in memory while it is written. */
export const MAX_PAGE_SIZE = 100_000;

/** Where page `n` of the export written to `outFile` goes. */
export function pageFileName(outFile: string, n: number): string {
  return `${outFile.replace(/\.(json|jsonld)$/i, '')}.page-${n}.json`;
}

type ItemSource = (source: ExportSource, write: (item: W3CAnnotation) => Promise<void>) => Promise<ExportSummary>;

export async function writePagedW3C(source: ExportSource, outFile: string, generated: string, pageSize: number, items: ItemSource): Promise<ExportSummary> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new RangeError(`the page size must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${pageSize}`);
  let pending: W3CAnnotation[] = [];
  let written = 0;
  const writePage = async (hasNext: boolean) => {
    const page = annotationPage(generated, written + 1, written * pageSize, pending, hasNext);
    await writeWhole(pageFileName(outFile, written + 1), `${JSON.stringify(page, null, 2)}\n`);
    written++;
    pending = [];
  };
  const summary = await items(source, async (item) => {
    if (pending.length === pageSize) await writePage(true);
    pending.push(item);
  });
  const total = written * pageSize + pending.length;
  if (written === 0) {
    // One page: the ordinary export, byte for byte.
    const frame = prettyJsonFrame((list) => collectionWithItems(generated, list, total));
    await writeWhole(outFile, frame.opening + pending.map((item, i) => prettyJsonFrameElement(frame, item, i)).join('') + prettyJsonFrameArrayEnd(frame, total) + frame.closing);
  } else {
    await writePage(false);
    await writeWhole(outFile, `${JSON.stringify(pagedCollectionHead(generated, total, written), null, 2)}\n`);
  }
  await removeStalePages(outFile, written + 1);
  return { ...summary, pages: written };
}

async function writeWhole(file: string, text: string): Promise<void> {
  const out = await openAtomicFile(file);
  try {
    await out.write(text);
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
}

/** Removes page files from `from` on, as long as they follow one another. */
async function removeStalePages(outFile: string, from: number): Promise<void> {
  for (let n = from; ; n++) {
    const file = pageFileName(outFile, n);
    if (!(await stat(file).then(
      () => true,
      () => false,
    )))
      return;
    await rm(file);
  }
}
