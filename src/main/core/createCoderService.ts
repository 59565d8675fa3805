/**
 * The coder (issue 16): getCoder, setCoder and listCoders. The coder's name,
 * initials and colour live in index.json's settings; the name is what new
 * annotations, groups and credits record as their creator. Changing it
 * changes nothing already made. A session started with a coder of its own
 * (the CLI's --coder) records that name and counts as chosen. The coders
 * and how much each made come from the counts index (counts.json), which
 * keeps them per article beside the counts per tag.
 */
import { ApiError } from '../../shared/contract/apiError';
import type { Input, Output, TriangulateApi } from '../../shared/contract/contract';
import { SetCoderInputSchema } from '../../shared/contract/coderApiSchemas';
import { formatZodIssues } from '../../shared/contract/formatZodIssues';
import { sameNameWarning } from '../../shared/coders/coderProfile';
import type { CoreContext } from './coreContext';

type CoderMethods = Pick<TriangulateApi, 'getCoder' | 'setCoder' | 'listCoders'>;

export function createCoderService(ctx: CoreContext, options: { sessionCoder?: string }): CoderMethods {
  const { store } = ctx;
  const current = (): Output<'getCoder'> => {
    const s = store.settings();
    return {
      name: ctx.creator(),
      initials: s.coderInitials ?? null,
      colour: s.coderColour ?? null,
      chosen: s.coderChosen === true || Boolean(options.sessionCoder),
    };
  };
  const listCoders = async (withArticles = true): Promise<Output<'listCoders'>> => {
    const byName = new Map<string, { annotations: number; articleIds: string[] }>();
    // Added up from the counts index (annotations per coder and article), not from 100,000 annotation files.
    const coders = await store.coderCounts();
    for (const article of store.articles()) {
      const held = coders.get(article.id);
      if (!held) continue;
      for (const name of Object.keys(held)) {
        const n = held[name]!;
        if (n <= 0) continue;
        let entry = byName.get(name);
        if (!entry) byName.set(name, (entry = { annotations: 0, articleIds: [] }));
        entry.annotations += n;
        if (withArticles) entry.articleIds.push(article.id);
      }
    }
    return [...byName]
      .map(([name, e]) => (withArticles ? { name, ...e } : { name, annotations: e.annotations }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };
  return {
    async getCoder() {
      ctx.ensureOpen();
      return current();
    },

    async setCoder(input: Input<'setCoder'>) {
      ctx.ensureOpen();
      // The transports check the input too; the CLI and tests call the core directly.
      const parsed = SetCoderInputSchema.safeParse(input);
      if (!parsed.success) throw new ApiError('invalid_input', `The coder was not changed: ${formatZodIssues(parsed.error)}`);
      const { name, initials, colour } = parsed.data;
      const before = store.settings();
      const previous = before.coderChosen ? before.creator : null;
      const warning = sameNameWarning(name, previous, (await listCoders(false)).map((c) => c.name));
      await store.updateIndex((index) => ({
        index: {
          ...index,
          settings: {
            ...index.settings,
            creator: name,
            coderChosen: true,
            coderInitials: initials === undefined ? (index.settings.coderInitials ?? null) : initials,
            coderColour: colour === undefined ? (index.settings.coderColour ?? null) : colour,
          },
        },
        result: undefined,
      }));
      return { ...current(), warning };
    },

    async listCoders(input: Input<'listCoders'>) {
      ctx.ensureOpen();
      return listCoders(input?.articles !== false);
    },
  };
}
