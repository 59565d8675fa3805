/**
 * The coverage matrix: one row per group, one column per article, each cell
 * the group's member annotations in that article (wording, place, paragraph
 * and who the text credits: the credited Source's entity by its canonical
 * name, else its name attribute, else its text). Pure: the core gathers the data and calls this.
 * Members whose annotation no longer exists are left out.
 *
 * With `rows: 'annotations'`, one row per annotation of the `rowTagIds` tags
 * (Quote and Claim) instead, in library then text order, labelled by its
 * first words: its own cell, and the members of the groups it belongs to.
 */
import type { CoverageCell, CoverageMatrix, Group, SourceLink } from './crossArticle';
import type { Annotation, ArticleMeta } from '../model/model';
import { passageLabel } from './passageLabel';
import { paragraphNumber } from '../anchoring/paragraphStarts';
import { creditedName, type SpeakerLookup } from './creditedName';

export interface CoverageInput {
  /** In library order: the matrix's columns. */
  articles: readonly Pick<ArticleMeta, 'id' | 'title' | 'date' | 'outlet'>[];
  groups: readonly Group[];
  annotationsByArticle: ReadonlyMap<string, readonly Annotation[]>;
  /** paragraphStarts() of each article's text (needed for articles that hold members). */
  paragraphStartsByArticle: ReadonlyMap<string, readonly number[]>;
  sourceLinks: readonly SourceLink[];
  /** The people index's canonical names: a credited Source (or a Quote's speaker) shows its entity's name. */
  speakers?: SpeakerLookup;
  /** One row per group (default) or per annotation of `rowTagIds`. */
  rows?: 'groups' | 'annotations';
  rowTagIds?: ReadonlySet<string>;
}

export function coverageMatrix(input: CoverageInput): CoverageMatrix {
  const byKey = new Map<string, Annotation>();
  for (const [articleId, list] of input.annotationsByArticle) for (const a of list) byKey.set(refKey(articleId, a.id), a);
  const sourcesOf = new Map<string, Annotation[]>();
  for (const link of input.sourceLinks) {
    const source = byKey.get(refKey(link.source.articleId, link.source.annotationId));
    if (!source) continue;
    const key = refKey(link.quote.articleId, link.quote.annotationId);
    sourcesOf.set(key, [...(sourcesOf.get(key) ?? []), source]);
  }

  // Who a Source (or a Quote's speaker attribute) credits: the entity's canonical name when the index knows it, else the name as typed.
  const credited = (a: Annotation): { id: string | null; name: string } | null => {
    const typed = creditedName(a.tagId, a.attributes);
    if (!typed) return null;
    return input.speakers?.(a.articleId, typed) ?? { id: null, name: typed };
  };
  const creditedIds = (list: readonly Annotation[]): { creditedIds?: string[] } => {
    const ids = [...new Set(list.map((s) => credited(s)?.id).filter((id): id is string => !!id))];
    return ids.length > 0 ? { creditedIds: ids } : {};
  };

  const cellsOf = (members: readonly { articleId: string; annotationId: string }[]): Record<string, CoverageCell[]> => {
    const cells: Record<string, CoverageCell[]> = Object.create(null) as Record<string, CoverageCell[]>;
    const seen = new Set<string>();
    for (const member of members) {
      const key = refKey(member.articleId, member.annotationId);
      const a = byKey.get(key);
      if (!a || seen.has(key)) continue;
      seen.add(key);
      const sources = [...(sourcesOf.get(key) ?? [])].sort((x, y) => x.start - y.start);
      const speaker = a.attributes.speaker;
      (cells[a.articleId] ??= []).push({
        annotationId: a.id,
        tagId: a.tagId,
        exact: a.exact,
        start: a.start,
        end: a.end,
        paragraph: paragraphNumber(input.paragraphStartsByArticle.get(a.articleId) ?? [], a.start),
        creditedTo: sources.length > 0 ? sources.map((s) => credited(s)?.name ?? s.exact).join('; ') : (credited(a)?.name ?? null),
        ...creditedIds(sources.length > 0 ? sources : [a]),
        ...(typeof speaker === 'string' && speaker.trim() ? { speaker: input.speakers?.(a.articleId, speaker.trim())?.name ?? speaker.trim() } : {}),
      });
    }
    for (const list of Object.values(cells)) list.sort((x, y) => x.start - y.start || x.end - y.end);
    return cells;
  };

  let rows: CoverageMatrix['rows'];
  if (input.rows === 'annotations') {
    const groupsOf = new Map<string, Group[]>();
    for (const group of input.groups) {
      for (const m of group.members) {
        const key = refKey(m.articleId, m.annotationId);
        groupsOf.set(key, [...(groupsOf.get(key) ?? []), group]);
      }
    }
    const tags = input.rowTagIds ?? new Set(['quote', 'claim']);
    rows = input.articles.flatMap((article) =>
      [...(input.annotationsByArticle.get(article.id) ?? [])]
        .filter((a) => tags.has(a.tagId))
        .sort((x, y) => x.start - y.start || x.end - y.end)
        .map((a) => {
          const ref = { articleId: a.articleId, annotationId: a.id };
          const groups = groupsOf.get(refKey(a.articleId, a.id)) ?? [];
          return {
            groupId: groups[0]?.id ?? '',
            label: passageLabel(a.exact),
            cells: cellsOf([ref, ...groups.flatMap((g) => g.members)]),
            annotation: { ...ref, tagId: a.tagId },
          };
        }),
    );
  } else {
    rows = input.groups.map((group) => ({ groupId: group.id, label: group.label, cells: cellsOf(group.members) }));
  }

  return {
    articles: input.articles.map(({ id, title, date, outlet }) => ({ id, title, date, outlet })),
    rows,
  };
}

const refKey = (articleId: string, annotationId: string): string => `${articleId}\u0000${annotationId}`;
