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
 * `entityIndex()` is what other services use for canonical names.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import { freeId, slug, splitProblem, type EntityIndex } from '../../shared/crossArticle/buildEntityIndex';
import type { EntityCorrection } from '../../shared/crossArticle/entitySchemas';
import { QuoteCache } from '../store/quoteCache';
import type { EntityStore } from '../store/entityStore';
import type { CoreContext } from './coreContext';
import { readEntityIndex } from './readEntityIndex';

export type EntityService = Pick<TriangulateApi, 'listEntities' | 'getEntityQuotes' | 'mergeEntities' | 'renameEntity' | 'setEntityKind' | 'splitEntity'> & {
  entityIndex(): Promise<EntityIndex>;
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

  const listing = (index: EntityIndex): Output<'listEntities'> => ({ entities: index.entities, problems: index.problems });

  function require(index: EntityIndex, id: string) {
    const entity = index.find(id);
    if (!entity) throw new ApiError('not_found', `There is no person or organisation with id "${id}".`);
    return entity;
  }

  /** Stores corrections made against the current index, after checking they apply cleanly. */
  async function correct(made: (index: EntityIndex) => EntityCorrection[], answerId: (index: EntityIndex, added: EntityCorrection[]) => string): Promise<Output<'mergeEntities'>> {
    const before = await build();
    const added = made(before);
    return options.entities.add(added, async (all) => {
      const after = await build(all);
      if (after.problems.length > before.problems.length) throw new ApiError('invalid_input', after.problems[after.problems.length - 1]!);
      return { ...listing(after), id: answerId(after, added) };
    });
  }

  return {
    entityIndex: () => build(),
    quoteCache,

    async listEntities(): Promise<Output<'listEntities'>> {
      return listing(await build());
    },

    async getEntityQuotes({ id }: Input<'getEntityQuotes'>): Promise<Output<'getEntityQuotes'>> {
      const index = await build();
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
