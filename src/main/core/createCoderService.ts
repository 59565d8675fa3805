/**
 * The coder (issue 16): getCoder, setCoder and listCoders. The coder's name,
 * initials and colour live in index.json's settings; the name is what new
 * annotations, groups and credits record as their creator. Changing it
 * changes nothing already made. A session started with a coder of its own
 * (the CLI's --coder) records that name and counts as chosen.
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
  const listCoders = async (): Promise<Output<'listCoders'>> => {
    const byName = new Map<string, { annotations: number; articleIds: string[] }>();
    // The counts index says which articles hold annotations at all: only their files are read.
    const counts = await store.counts();
    for (const article of store.articles()) {
      if (!Object.values(counts.get(article.id) ?? {}).some((n) => n > 0)) continue;
      for (const a of await store.annotations(article.id)) {
        let entry = byName.get(a.creator);
        if (!entry) byName.set(a.creator, (entry = { annotations: 0, articleIds: [] }));
        entry.annotations++;
        if (entry.articleIds.at(-1) !== article.id) entry.articleIds.push(article.id);
      }
    }
    return [...byName].map(([name, e]) => ({ name, ...e })).sort((a, b) => a.name.localeCompare(b.name));
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
      const warning = sameNameWarning(name, previous, (await listCoders()).map((c) => c.name));
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

    async listCoders() {
      ctx.ensureOpen();
      return listCoders();
    },
  };
}
