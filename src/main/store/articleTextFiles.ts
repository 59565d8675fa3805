/**
 * The files in texts/ an article's entry in index.json calls for: version 1's
 * text in texts/<id>.json, version n's in texts/<id>@v<n>.json (article ids
 * hold no "@", so no article's name can be another's version).
 */
import type { ArticleMeta } from '../../shared/model/model';

/** The name of the file in texts/ holding that version of the article's text. */
export function textFileName(articleId: string, version = 1): string {
  return version === 1 ? `${articleId}.json` : `${articleId}@v${version}.json`;
}

/** Every text file of the article, with the version it holds and that version's hash. */
export function articleTextFiles(meta: Pick<ArticleMeta, 'id' | 'hash' | 'versions'>): { name: string; version: number; hash: string }[] {
  if (!meta.versions) return [{ name: textFileName(meta.id), version: 1, hash: meta.hash }];
  return meta.versions.map((v) => ({ name: textFileName(meta.id, v.version), version: v.version, hash: v.hash }));
}
