import { currentVersion, type Annotation, type ArticleMeta } from '../../shared/model/model';
import type { AnnotationFile } from './storeFileSchemas';

/**
 * What is wrong with an annotation file of this article (completing "<file> …"), or null: an annotation
 * of another article, or offsets outside the version of the text they are over.
 */
export function annotationFileProblem(file: AnnotationFile, meta: ArticleMeta): string | null {
  const versions = currentVersion(meta);
  const lengthOf = (version: number): number | null =>
    version === versions ? meta.length : (meta.versions?.[version - 1]?.length ?? null);
  if (file.textVersion > versions) return `is over version ${file.textVersion} of the text, which index.json does not list`;
  const all: (Annotation & { version?: number })[] = [...file.annotations, ...file.unanchored];
  for (const a of all) {
    if (a.articleId !== meta.id) return `holds annotation ${a.id} of another article ("${a.articleId}")`;
    const version = a.version ?? file.textVersion;
    const length = lengthOf(version);
    if (length === null) return `holds annotation ${a.id} of version ${version} of the text, which index.json does not list`;
    if (a.start >= a.end || a.end > length) {
      const where = versions === 1 ? `the article's ${length} characters` : `the ${length} characters of version ${version} of the article's text`;
      return `holds annotation ${a.id} at ${a.start}–${a.end}, outside ${where}`;
    }
  }
  return null;
}
