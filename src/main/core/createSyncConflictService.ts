/**
 * Reviewing what team sync set aside (issue 16): getSyncConflicts lists each
 * conflict with the version the data holds now beside the one a merge set
 * aside (what it says, who changed it, when); restoreSyncConflict puts the
 * set-aside version in place of the kept one — an annotation, a group or a
 * credit exactly as it was set aside, or, when the set-aside version is a
 * deletion, deletes the item — through the core's own methods, so the
 * store's checks and clean-ups apply; dismissSyncConflict keeps what the
 * data holds. Either forgets the conflict; the next sync shares the choice.
 * A tag's set-aside version is saved over the kept one (the codebook's rules
 * apply); a tag's deletion, article details, texts and annotations left
 * unanchored by a text version are shown but put back by hand (the reason says where).
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Output, TriangulateApi } from '../../shared/contract/contract';
import { GroupSchema, SourceLinkSchema, type Group, type SourceLink } from '../../shared/crossArticle/crossArticle';
import { AnnotationSchema, TagSchema, type Annotation, type Tag } from '../../shared/model/model';
import { conflictKey, readConflicts, removeConflict, type StoredConflict } from '../sync/syncState';
import type { CoreContext } from './coreContext';

type ConflictMethods = Pick<TriangulateApi, 'getSyncConflicts' | 'restoreSyncConflict' | 'dismissSyncConflict'>;
type CoreMethods = Pick<TriangulateApi, 'restoreAnnotations' | 'deleteAnnotation' | 'deleteGroup' | 'unlinkSource' | 'saveTag' | 'getSyncStatus'>;
type Review = Output<'getSyncConflicts'>['conflicts'][number];
type Version = NonNullable<Review['current']>;

export function createSyncConflictService(ctx: CoreContext, dataDir: string, core: () => CoreMethods): ConflictMethods {
  const find = async (key: string): Promise<StoredConflict> => {
    const found = (await readConflicts(dataDir)).find((c) => conflictKey(c) === key);
    if (!found) throw new ApiError('not_found', 'This conflict is not in the list any more (reviewed already, perhaps in another window).');
    return found;
  };

  const review = async (c: StoredConflict): Promise<Review> => {
    const articleId = c.kind === 'annotation' || c.kind === 'unanchored annotation' || c.kind === 'text' ? articleOf(c) : c.kind === 'article' ? c.id : null;
    const article = articleId ? ctx.store.article(articleId) : undefined;
    const base = { key: conflictKey(c), file: c.file, kind: c.kind, id: c.id, reason: c.reason, kept: c.kept, at: c.at, articleId, articleTitle: article?.title ?? null };
    const codebook = ctx.store.codebook();
    if (c.kind === 'annotation' || c.kind === 'unanchored annotation') {
      const list = articleId && article ? (c.kind === 'annotation' ? await ctx.store.annotations(articleId) : await ctx.store.unanchoredAnnotations(articleId)) : [];
      const now = list.find((a) => a.id === c.id) ?? null;
      const lost = c.lost === null ? null : AnnotationSchema.safeParse(c.lost);
      const restorable = c.kind === 'annotation' && !!article && (lost === null || lost.success);
      return {
        ...base,
        current: now ? annotationVersion(now, codebook) : null,
        setAside: lost?.success ? annotationVersion(lost.data, codebook) : lost ? unknownVersion(c.lost) : null,
        restorable,
        why: restorable
          ? null
          : !article
            ? 'The article is no longer in the library.'
            : c.kind === 'unanchored annotation'
              ? 'An annotation kept with an older version of the text: annotate the passage again in the reader if it is needed.'
              : 'The set-aside version is not a complete annotation.',
      };
    }
    if (c.kind === 'group' || c.kind === 'credit') {
      const { groups, sourceLinks } = await ctx.links.read();
      const schema = c.kind === 'group' ? GroupSchema : SourceLinkSchema;
      const now = (c.kind === 'group' ? groups : sourceLinks).find((g) => g.id === c.id) ?? null;
      const lost = c.lost === null ? null : schema.safeParse(c.lost);
      const version = (item: Group | SourceLink) => ('label' in item ? groupVersion(item) : creditVersion(item));
      return {
        ...base,
        current: now ? version(now) : null,
        setAside: lost?.success ? version(lost.data) : lost ? unknownVersion(c.lost) : null,
        restorable: lost === null || lost.success,
        why: lost === null || lost.success ? null : `The set-aside version is not a complete ${c.kind}.`,
      };
    }
    if (c.kind === 'tag') {
      const now = codebook.find((t) => t.id === c.id) ?? null;
      const lost = c.lost === null ? null : TagSchema.safeParse(c.lost);
      const restorable = lost !== null && lost.success;
      return {
        ...base,
        current: now ? tagVersion(now) : null,
        setAside: lost?.success ? tagVersion(lost.data) : lost ? tagVersion(c.lost as Partial<Tag>) : null,
        restorable,
        why: restorable
          ? null
          : lost === null
            ? 'To delete the tag, use the Codebook screen: it asks what becomes of the tag’s annotations.'
            : 'The set-aside version is not a complete tag: change the tag by hand in the Codebook screen.',
      };
    }
    return {
      ...base,
      current: article && c.kind === 'article' ? { fields: [{ label: 'Title', value: article.title }], by: null, at: null } : null,
      setAside: c.lost === null ? null : unknownVersion(c.lost),
      restorable: false,
      why:
        c.kind === 'text'
          ? 'Both libraries gave this article id to different texts; the text the merged library lists was kept.'
          : 'Article details are put back by hand (the set-aside version is shown here).',
    };
  };

  return {
    async getSyncConflicts() {
      ctx.ensureOpen();
      const conflicts = await readConflicts(dataDir);
      const out: Review[] = [];
      for (const c of conflicts) out.push(await review(c));
      return { conflicts: out };
    },

    async restoreSyncConflict({ key }) {
      ctx.ensureOpen();
      const c = await find(key);
      const checked = await review(c);
      if (!checked.restorable) throw new ApiError('invalid_input', `The set-aside version of ${c.kind} "${c.id}" cannot be restored from here: ${checked.why ?? ''}`);
      const api = core();
      const changedArticles: string[] = [];
      if (c.kind === 'annotation') {
        const articleId = articleOf(c)!;
        if (c.lost === null) {
          if (checked.current) await api.deleteAnnotation({ articleId, id: c.id });
        } else {
          const lost: Annotation = AnnotationSchema.parse(c.lost);
          await api.restoreAnnotations({ annotations: [{ ...lost, articleId }] });
        }
        changedArticles.push(articleId);
      } else if (c.kind === 'tag') {
        await api.saveTag({ tag: TagSchema.parse(c.lost) });
      } else if (c.kind === 'group') {
        if (c.lost === null) {
          if (checked.current) await api.deleteGroup({ id: c.id });
        } else await api.restoreAnnotations({ annotations: [], groups: [GroupSchema.parse(c.lost)] });
      } else if (c.kind === 'credit') {
        if (c.lost === null) {
          if (checked.current) await api.unlinkSource({ id: c.id });
        } else {
          const lost = SourceLinkSchema.parse(c.lost);
          if (checked.current) await api.unlinkSource({ id: c.id });
          const put = await api.restoreAnnotations({ annotations: [], sourceLinks: [lost] });
          if (!put.sourceLinks.some((l) => l.id === lost.id)) {
            throw new ApiError('invalid_input', `The set-aside credit "${c.id}" cannot be restored: one of its annotations is no longer there, or the same quote and source are linked already.`);
          }
        }
      }
      await removeConflict(dataDir, key);
      return { status: await api.getSyncStatus({}), changedArticles };
    },

    async dismissSyncConflict({ key }) {
      ctx.ensureOpen();
      await find(key);
      await removeConflict(dataDir, key);
      return core().getSyncStatus({});
    },
  };
}

function articleOf(c: StoredConflict): string | null {
  const m = /^(?:annotations|texts)\/(.+?)(?:@v\d+)?\.json$/.exec(c.file);
  return m?.[1] ?? null;
}

function annotationVersion(a: Annotation, codebook: readonly Tag[]): Version {
  const tag = codebook.find((t) => t.id === a.tagId);
  const attributes = Object.entries(a.attributes ?? {}).map(([id, v]) => {
    const name = tag?.attributes.find((d) => d.id === id)?.name ?? id;
    return `${name}: ${Array.isArray(v) ? v.join(', ') : String(v)}`;
  });
  return {
    fields: [
      { label: 'Tag', value: tag?.name ?? a.tagId },
      { label: 'Passage', value: a.exact },
      { label: 'Where', value: `${a.start}–${a.end}` },
      { label: 'Note', value: a.note },
      { label: 'Attributes', value: attributes.join('; ') },
    ],
    by: a.modifiedBy ?? a.creator,
    at: a.modified,
  };
}

function groupVersion(g: Group): Version {
  return {
    fields: [
      { label: 'Label', value: g.label },
      { label: 'Members', value: String(g.members.length) },
    ],
    by: g.creator ?? null,
    at: g.modified,
  };
}

function creditVersion(l: SourceLink): Version {
  return {
    fields: [
      { label: 'Quote', value: `${l.quote.articleId} / ${l.quote.annotationId}` },
      { label: 'Source', value: `${l.source.articleId} / ${l.source.annotationId}` },
    ],
    by: l.creator ?? null,
    at: l.created,
  };
}

function tagVersion(t: Partial<Tag>): Version {
  return {
    fields: [
      { label: 'Name', value: String(t.name ?? '') },
      { label: 'Colour', value: String(t.color ?? '') },
      { label: 'Key', value: t.key == null ? '' : String(t.key) },
      { label: 'Description', value: String(t.description ?? '') },
      { label: 'Attributes', value: (t.attributes ?? []).map((d) => d.name).join(', ') },
    ],
    by: null,
    at: null,
  };
}

/** An item of a kind shown as it is stored: its plain fields, one row each. */
function unknownVersion(value: unknown): Version {
  const fields =
    value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v === null || typeof v !== 'object')
          .map(([label, v]) => ({ label, value: String(v) }))
      : [{ label: 'Value', value: JSON.stringify(value) }];
  return { fields, by: null, at: null };
}
