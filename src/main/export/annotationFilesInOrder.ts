/**
 * Every article's annotation file in library order, for streamed exports:
 * each read at once (DataStore.readAnnotationFileNow; 10,000 small files read
 * one by one without waiting on the thread pool for each), with a turn for
 * other work every few files, so a window's calls are not held up.
 */
import type { ArticleMeta } from '../../shared/model/model';
import type { AnnotationFileState, DataStore } from '../store/dataStore';
import type { AnnotationFile } from '../store/storeFileSchemas';

/** Files read between two turns of the event loop. */
const FILES_PER_TURN = 100;

export async function* annotationFilesInOrder(
  store: Pick<DataStore, 'articles' | 'readAnnotationFileNow'>,
): AsyncGenerator<{ meta: ArticleMeta; file: AnnotationFileState & Pick<AnnotationFile, 'unanchored'> }> {
  let read = 0;
  for (const meta of store.articles()) {
    yield { meta, file: store.readAnnotationFileNow(meta.id) };
    if (++read % FILES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}
