/**
 * A project file (or a .qdpx read as one) with the researcher's choices for
 * its tags the codebook does not have (by id) applied before the merge
 * (planProjectImport): a tag mapped onto a codebook tag is dropped from the
 * file's codebook and its annotations take the codebook's tag; a tag created
 * stays (the merge adds it); a tag neither mapped nor created is dropped with
 * its annotations, and so are the group members and Quote→Source links that
 * pointed at them. What was left out is listed one line per item, with why,
 * and the tags left out are counted in `unknownTags` — the list the app
 * offers for mapping. The choices are read as for a W3C file
 * (importedTagChoice), by tag name or id.
 */
import type { ImportReport } from '../../crossArticle/crossArticle';
import { importedTagChoice, type TagImportOptions } from '../../codebook/tagImportOptions';
import type { Tag } from '../../model/model';
import type { ProjectFile } from './projectFile';

export interface TagOptionsResult {
  project: ProjectFile;
  /** Tags of the file left out, with how many annotations each carried (most first; an unused tag counts 0). */
  unknownTags: ImportReport['unknownTags'];
  /** Names of the file's new tags that the merge will add. */
  tagsCreated: string[];
  /** One line per annotation, group member or link left out, naming it and why. */
  problems: string[];
}

export function applyTagOptions(project: ProjectFile, codebook: readonly Tag[], options: TagImportOptions): TagOptionsResult {
  const known = new Set(codebook.map((t) => t.id));
  const mappedTo = new Map<string, string>();
  const leftOut = new Map<string, Tag>();
  const created: Tag[] = [];
  for (const tag of project.codebook) {
    if (known.has(tag.id)) continue;
    // A mapping may name the tag by its name or by its id.
    const byName = importedTagChoice(tag.name, codebook, options);
    const choice = byName.kind === 'leave-out' ? importedTagChoice(tag.id, codebook, options) : byName;
    if (choice.kind === 'mapped') mappedTo.set(tag.id, choice.tagId);
    else if (choice.kind === 'create') created.push(tag);
    else leftOut.set(tag.id, tag);
  }

  const problems: string[] = [];
  const counts = new Map<string, number>();
  const dropped = new Set<string>();
  const refKey = (articleId: string, annotationId: string) => `${articleId}\u0000${annotationId}`;
  const articles = project.articles.map((article) => ({
    ...article,
    annotations: article.annotations.flatMap((annotation) => {
      const mapped = mappedTo.get(annotation.tagId);
      if (mapped !== undefined) return [{ ...annotation, tagId: mapped }];
      const tag = leftOut.get(annotation.tagId);
      if (!tag) return [annotation];
      counts.set(tag.id, (counts.get(tag.id) ?? 0) + 1);
      dropped.add(refKey(article.id, annotation.id));
      problems.push(`annotation "${annotation.id}" of article "${article.id}" (“${clip(annotation.exact)}”): left out, its tag "${tag.name}" is not in the codebook and was neither mapped nor created`);
      return [];
    }),
  }));

  const groups = project.groups.flatMap((group) => {
    const members = group.members.filter((m) => !dropped.has(refKey(m.articleId, m.annotationId)));
    const lost = group.members.length - members.length;
    if (lost === 0) return [group];
    if (members.length === 0) {
      problems.push(`group "${group.label}": left out, all its members were left out`);
      return [];
    }
    problems.push(`group "${group.label}": ${lost} member${lost === 1 ? '' : 's'} left out with their tag`);
    return [{ ...group, members }];
  });
  const sourceLinks = project.sourceLinks.filter((link) => {
    const keep = !dropped.has(refKey(link.quote.articleId, link.quote.annotationId)) && !dropped.has(refKey(link.source.articleId, link.source.annotationId));
    if (!keep) problems.push(`source link "${link.id}": left out, its quote or source was left out`);
    return keep;
  });

  return {
    project: { ...project, codebook: project.codebook.filter((t) => !mappedTo.has(t.id) && !leftOut.has(t.id)), articles, groups, sourceLinks },
    unknownTags: [...leftOut.values()]
      .map((t) => ({ name: t.name, items: counts.get(t.id) ?? 0 }))
      .sort((a, b) => b.items - a.items || a.name.localeCompare(b.name)),
    tagsCreated: created.map((t) => t.name),
    problems,
  };
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
