/**
 * The parts of a `project` file read from a data folder: the head (format,
 * codebook, creator, groups, links, the people index's corrections) and one
 * article at a time (text, metadata, annotations in stored order with whom
 * each credits by canonical name and id, rejected suggestions), read without
 * being kept in memory. exportProject puts them together; the streamed
 * export writes them one by one.
 */
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectArticle, type ProjectHead } from '../../shared/formats/project/projectFile';
import type { ArticleMeta } from '../../shared/model/model';
import { creditedName, type SpeakerLookup } from '../../shared/crossArticle/creditedName';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import type { Annotation } from '../../shared/model/model';
import type { DataStore } from '../store/dataStore';
import type { LinkStore } from '../store/linkStore';

export interface ExportSource {
  store: DataStore;
  links: LinkStore;
  /** The people index's canonical names (CSV speaker columns, W3C 'triangulate:speakerName'/'speakerId'); without it names are written as typed. */
  speakers?: SpeakerLookup;
  /** The people index's corrections (entities.json), written into a project file. */
  corrections?: readonly EntityCorrection[];
}

export async function projectHead({ store, links, corrections }: ExportSource, generated: string): Promise<ProjectHead> {
  const { groups, sourceLinks } = await links.read();
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    generated,
    creator: store.settings().creator,
    codebook: store.codebook().map((t) => ({ ...t })),
    groups: [...groups],
    sourceLinks: [...sourceLinks],
    ...(corrections && corrections.length > 0 ? { entityCorrections: corrections.map((c) => ({ ...c })) } : {}),
  };
}

/** The annotation with `speakerId` / `speakerName` when it credits someone (the canonical entity, else the name as typed). */
function withSpeaker<T extends Annotation>(annotation: T, speakers: SpeakerLookup | undefined): T & { speakerId?: string; speakerName?: string } {
  const typed = creditedName(annotation.tagId, annotation.attributes);
  if (!typed) return annotation;
  const canonical = speakers?.(annotation.articleId, typed);
  return canonical ? { ...annotation, speakerId: canonical.id, speakerName: canonical.name } : { ...annotation, speakerName: typed };
}

export async function projectArticle(store: DataStore, meta: ArticleMeta, speakers?: SpeakerLookup): Promise<ProjectArticle> {
  const text = await store.peekText(meta.id);
  const file = await store.peekAnnotationFile(meta.id);
  const rejectedDisagreements = file.rejectedDisagreements ?? [];
  const article: ProjectArticle = {
    ...meta,
    text,
    annotations: file.annotations.map((a) => withSpeaker(a, speakers)),
    rejectedSuggestions: [...file.rejectedSuggestions],
    ...(rejectedDisagreements.length > 0 ? { rejectedDisagreements: rejectedDisagreements.map((r) => ({ ...r })) } : {}),
  };
  if (!meta.versions) return article;
  // The older texts and what is kept with them, so the versions come back whole.
  const versionTexts: string[] = [];
  for (const v of meta.versions.slice(0, -1)) versionTexts.push(await store.versionText(meta.id, v.version));
  return { ...article, versionTexts, unanchored: file.unanchored.map((a) => withSpeaker(a, speakers)) };
}
