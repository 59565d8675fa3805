/**
 * The parts of a `project` file read from a data folder: the head (format,
 * codebook, creator, groups, links) and one article at a time (text,
 * metadata, annotations in stored order, rejected suggestions), read without
 * being kept in memory. exportProject puts them together; the streamed
 * export writes them one by one.
 */
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectArticle, type ProjectHead } from '../../shared/formats/project/projectFile';
import type { ArticleMeta } from '../../shared/model/model';
import type { SpeakerLookup } from '../../shared/crossArticle/creditedName';
import type { DataStore } from '../store/dataStore';
import type { LinkStore } from '../store/linkStore';

export interface ExportSource {
  store: DataStore;
  links: LinkStore;
  /** The people index's canonical names (CSV speaker columns, W3C 'triangulate:speakerName'/'speakerId'); without it names are written as typed. */
  speakers?: SpeakerLookup;
}

export async function projectHead({ store, links }: ExportSource, generated: string): Promise<ProjectHead> {
  const { groups, sourceLinks } = await links.read();
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    generated,
    creator: store.settings().creator,
    codebook: store.codebook().map((t) => ({ ...t })),
    groups: [...groups],
    sourceLinks: [...sourceLinks],
  };
}

export async function projectArticle(store: DataStore, meta: ArticleMeta): Promise<ProjectArticle> {
  const text = await store.peekText(meta.id);
  const file = await store.peekAnnotationFile(meta.id);
  const rejectedDisagreements = file.rejectedDisagreements ?? [];
  const article: ProjectArticle = {
    ...meta,
    text,
    annotations: [...file.annotations],
    rejectedSuggestions: [...file.rejectedSuggestions],
    ...(rejectedDisagreements.length > 0 ? { rejectedDisagreements: rejectedDisagreements.map((r) => ({ ...r })) } : {}),
  };
  if (!meta.versions) return article;
  // The older texts and what is kept with them, so the versions come back whole.
  const versionTexts: string[] = [];
  for (const v of meta.versions.slice(0, -1)) versionTexts.push(await store.versionText(meta.id, v.version));
  return { ...article, versionTexts, unanchored: [...file.unanchored] };
}
