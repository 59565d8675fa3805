/**
 * Which coders, tags and articles an agreement figure covers, from what the
 * researcher asked for (all optional) and what the library holds:
 * - tags: those named (by id, or by name in any case), else the whole codebook;
 * - coders: those named, else everyone who annotated the articles in question;
 * - articles: those named, else every article each chosen coder annotated
 *   (an article a coder has not touched is one they have not coded yet).
 * A name that matches nothing is a problem naming it, and so are fewer than
 * two coders or no article left to compare.
 */
import type { Tag } from '../model/model';

export interface AgreementRequest {
  coders?: readonly string[];
  tags?: readonly string[];
  articles?: readonly string[];
}

export interface AgreementLibrary {
  /** Article ids in library order. */
  articleIds: readonly string[];
  codebook: readonly Tag[];
  /** Who made annotations (of any tag) in each article. */
  creatorsByArticle: ReadonlyMap<string, ReadonlySet<string>>;
}

export type AgreementScope = { ok: true; coders: string[]; tags: Tag[]; articleIds: string[] } | { ok: false; problem: string };

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

export function agreementScope(request: AgreementRequest, library: AgreementLibrary): AgreementScope {
  const tags: Tag[] = [];
  for (const wanted of unique(request.tags ?? [])) {
    const tag = library.codebook.find((t) => t.id === wanted) ?? library.codebook.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
    if (!tag) return { ok: false, problem: `there is no tag "${wanted}" in the codebook (tags: ${quoted(library.codebook.map((t) => t.name))})` };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (!request.tags) tags.push(...library.codebook);
  if (tags.length === 0) return { ok: false, problem: 'the codebook has no tags to compare' };

  const known = new Set(library.articleIds);
  const askedArticles = request.articles ? unique(request.articles) : null;
  for (const id of askedArticles ?? []) if (!known.has(id)) return { ok: false, problem: `there is no article with id "${id}"` };
  const pool = askedArticles ?? library.articleIds;

  const everyone = new Set<string>();
  for (const set of library.creatorsByArticle.values()) for (const c of set) everyone.add(c);
  let coders: string[];
  if (request.coders) {
    coders = unique(request.coders);
    const unknown = coders.find((c) => !everyone.has(c));
    if (unknown !== undefined) return { ok: false, problem: `nobody named "${unknown}" made annotations here (coders: ${quoted([...everyone].sort())})` };
  } else {
    const found = new Set<string>();
    for (const id of pool) for (const c of library.creatorsByArticle.get(id) ?? []) found.add(c);
    coders = [...found].sort();
  }
  if (coders.length < 2) {
    return {
      ok: false,
      problem: coders.length === 0 ? 'agreement needs two or more coders; there are no annotations here' : `agreement needs two or more coders; the annotations here are all by "${coders[0]}"`,
    };
  }
  const articleIds = askedArticles ?? pool.filter((id) => coders.every((c) => library.creatorsByArticle.get(id)?.has(c)));
  if (articleIds.length === 0) return { ok: false, problem: `no article has annotations by each of ${quoted(coders)} (name the articles to compare them anyway)` };
  return { ok: true, coders, tags, articleIds };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
}
