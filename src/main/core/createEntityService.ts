/**
 * The people-and-organisations index (issue 15): listEntities,
 * getEntityQuotes and the corrections mergeEntities, renameEntity,
 * setEntityKind and splitEntity. The index is built from quote detection
 * over every article (cached per text hash in derived/quotes.jsonl), the
 * speaker/name attributes of the stored annotations, and the corrections in
 * entities.json (buildEntityIndex). A correction is checked against the
 * current index before it is stored: an unknown id or alias is refused with
 * a message naming it, and nothing is written.
 *
 * `entityIndex()` is what other services use for canonical names: built
 * again only when the library (libraryRevision) or the corrections changed
 * since, so the annotation table paging through 100,000 rows builds it once.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import { freeId, slug, splitProblem, type EntityIndex } from '../../shared/crossArticle/buildEntityIndex';
import { creditedName, type SpeakerLookup } from '../../shared/crossArticle/creditedName';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { describeCorrection } from '../../shared/crossArticle/describeCorrection';
import { QuoteCache } from '../store/quoteCache';
import { correctionKey, type EntityStore } from '../store/entityStore';
import type { CoreContext } from './coreContext';
import { readEntityIndex } from './readEntityIndex';

export type EntityService = Pick<
  TriangulateApi,
  'listEntities' | 'getEntityQuotes' | 'mergeEntities' | 'renameEntity' | 'setEntityKind' | 'splitEntity' | 'withdrawEntityCorrections' | 'restoreEntityCorrections'
> & {
  entityIndex(): Promise<EntityIndex>;
  /** The index's canonical names for exports, or undefined (nothing built) when no annotation credits anyone. */
  speakersIfCredited(): Promise<SpeakerLookup | undefined>;
  /** The stored corrections, in order (a project file carries them). */
  corrections(): Promise<readonly EntityCorrection[]>;
  /** Adds corrections a project file brings that the library does not hold yet (in the file's order); answers how many. */
  importCorrections(corrections: readonly EntityCorrection[], dryRun: boolean): Promise<number>;
  /** The quote detection cache (derived/quotes.jsonl) other services read quotes through. */
  quoteCache(): Promise<QuoteCache>;
};

export function createEntityService(ctx: CoreContext, options: { dataDir: string; entities: EntityStore }): EntityService {
  let cache: Promise<QuoteCache> | null = null;

  const quoteCache = (): Promise<QuoteCache> => (cache ??= QuoteCache.open(options.dataDir));

  async function build(corrections?: readonly EntityCorrection[]): Promise<EntityIndex> {
    ctx.ensureOpen();
    return readEntityIndex(ctx.store, await quoteCache(), corrections ?? (await options.entities.corrections()));
  }

  let memo: { revision: string; corrections: readonly EntityCorrection[]; index: Promise<EntityIndex> } | null = null;
  async function current(): Promise<EntityIndex> {
    ctx.ensureOpen();
    const revision = ctx.store.libraryRevision();
    const corrections = await options.entities.corrections();
    if (!memo || memo.revision !== revision || memo.corrections !== corrections) {
      const index = build(corrections);
      memo = { revision, corrections, index };
      // A failed build is not kept: the next call tries again.
      index.catch(() => {
        if (memo?.index === index) memo = null;
      });
    }
    return memo.index;
  }

  const listing = (index: EntityIndex): Output<'listEntities'> => ({ entities: index.entities, problems: index.problems });

  function require(index: EntityIndex, id: string) {
    const entity = index.find(id);
    if (!entity) throw new ApiError('not_found', `There is no person or organisation with id "${id}".`);
    return entity;
  }

  /** Stores corrections made against the current index, after checking they apply cleanly; answers the index after. */
  async function storeCorrections(added: readonly EntityCorrection[], before: EntityIndex): Promise<EntityIndex> {
    return options.entities.add(added, async (all) => {
      const after = await build(all);
      if (after.problems.length > before.problems.length) throw new ApiError('invalid_input', after.problems[after.problems.length - 1]!);
      // `all` becomes the stored list once written: the next reader gets this index without building it again.
      memo = { revision: ctx.store.libraryRevision(), corrections: all, index: Promise.resolve(after) };
      return after;
    });
  }

  /** A correction call: what it stores is made against the current index; answers the index, the entity it concerns and what it stored. */
  async function correct(made: (index: EntityIndex) => EntityCorrection[], answerId: (index: EntityIndex, added: EntityCorrection[]) => string): Promise<Output<'mergeEntities'>> {
    const before = await current();
    const added = made(before);
    const after = await storeCorrections(added, before);
    return { ...listing(after), id: answerId(after, added), corrections: [...added] };
  }

  return {
    entityIndex: current,
    quoteCache,

    async speakersIfCredited() {
      ctx.ensureOpen();
      for (const meta of ctx.store.articles()) {
        const file = await ctx.store.peekAnnotationFile(meta.id);
        if ([...file.annotations, ...file.unanchored].some((a) => creditedName(a.tagId, a.attributes))) return (await current()).canonicalOf;
      }
      return undefined;
    },

    corrections: () => options.entities.corrections(),

    async importCorrections(corrections, dryRun) {
      const held = new Set((await options.entities.corrections()).map(correctionKey));
      const fresh: EntityCorrection[] = [];
      for (const c of corrections) {
        if (held.has(correctionKey(c))) continue;
        held.add(correctionKey(c));
        fresh.push(c);
      }
      // Not checked against the index: one that does not apply here is listed with the index's problems, as after a sync.
      if (fresh.length > 0 && !dryRun) await options.entities.add(fresh, () => undefined);
      return fresh.length;
    },

    async listEntities(): Promise<Output<'listEntities'>> {
      return listing(await current());
    },

    async getEntityQuotes({ id }: Input<'getEntityQuotes'>): Promise<Output<'getEntityQuotes'>> {
      const index = await current();
      const entity = require(index, id);
      const quotes = index.credits
        .filter((c) => c.id === entity.id)
        .map((c) => ({ articleId: c.article, articleTitle: ctx.store.article(c.article)?.title ?? c.article, start: c.start, end: c.end, exact: c.exact, said: c.said, annotationId: c.annotationId }));
      return { entity, quotes };
    },

    mergeEntities({ into, from }: Input<'mergeEntities'>) {
      return correct(
        (index) => {
          const target = require(index, into);
          const merged = from.map((id) => require(index, id)).filter((e) => e.id !== target.id);
          if (merged.length === 0) throw new ApiError('invalid_input', `Nothing to merge: "${from.join('", "')}" is already "${target.id}".`);
          return merged.map((e) => ({ op: 'merge' as const, into: target.id, from: e.id }));
        },
        (index) => require(index, into).id,
      );
    },

    // Undo takes back exactly the corrections a change stored; the corrections stored after stay and are replayed as before.
    async withdrawEntityCorrections({ corrections, refuseIfLaterBreak }: Input<'withdrawEntityCorrections'>): Promise<Output<'withdrawEntityCorrections'>> {
      ctx.ensureOpen();
      const before = refuseIfLaterBreak ? new Set((await current()).problems) : null;
      return options.entities.withdraw(corrections, async (all) => {
        const after = await build(all);
        const broken = before ? after.problems.find((p) => !before.has(p)) : undefined;
        if (broken !== undefined) {
          throw new ApiError('invalid_input', `Taking back ${corrections.map((c) => `“${describeCorrection(c)}”`).join(', ')} would break a correction made after it (${broken}); take that one back first. Nothing was changed.`);
        }
        memo = { revision: ctx.store.libraryRevision(), corrections: all, index: Promise.resolve(after) };
        return listing(after);
      });
    },

    // Redo stores them again, refused like a new correction when they no longer apply.
    async restoreEntityCorrections({ corrections }: Input<'restoreEntityCorrections'>): Promise<Output<'restoreEntityCorrections'>> {
      return listing(await storeCorrections(corrections, await current()));
    },

    renameEntity({ id, name }: Input<'renameEntity'>) {
      return correct(
        (index) => [{ op: 'rename', id: require(index, id).id, name }],
        (index) => require(index, id).id,
      );
    },

    setEntityKind({ id, kind }: Input<'setEntityKind'>) {
      return correct(
        (index) => [{ op: 'kind', id: require(index, id).id, kind }],
        (index) => require(index, id).id,
      );
    },

    splitEntity({ id, alias }: Input<'splitEntity'>) {
      return correct(
        (index) => {
          const entity = require(index, id);
          const taken = { has: (candidate: string) => index.idTaken(candidate) };
          const newId = freeId(taken, slug(alias));
          const problem = splitProblem(entity, alias, newId, taken);
          if (problem) throw new ApiError('invalid_input', `Cannot split: ${problem}.`);
          return [{ op: 'split', id: entity.id, alias, newId }];
        },
        (_index, added) => (added[0] as Extract<EntityCorrection, { op: 'split' }>).newId,
      );
    },
  };
}
