/**
 * Whether any annotation of the library credits someone (a Quote's speaker
 * or a Source's name attribute, current or kept with an older version). An
 * export asks first: only then does it need the people index, whose building
 * runs quote detection over every article.
 */
import { creditedName } from '../../shared/crossArticle/creditedName';
import type { DataStore } from '../store/dataStore';
import { annotationFilesInOrder } from './annotationFilesInOrder';

export async function creditsAnyone(store: Pick<DataStore, 'articles' | 'readAnnotationFileNow'>): Promise<boolean> {
  for await (const { file } of annotationFilesInOrder(store)) {
    for (const a of file.annotations) if (creditedName(a.tagId, a.attributes)) return true;
    for (const a of file.unanchored) if (creditedName(a.tagId, a.attributes)) return true;
  }
  return false;
}
