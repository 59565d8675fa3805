/**
 * The groups and source links once one annotation is gone: it leaves every
 * group (a group left without members is deleted) and every link that
 * mentions it. Says whether anything changed, so links.json is written only
 * then.
 */
import type { AnnotationRef, Group, SourceLink } from './crossArticle';

export interface WithoutAnnotation {
  changed: boolean;
  groups: Group[];
  sourceLinks: SourceLink[];
}

export function withoutAnnotation(
  current: { groups: readonly Group[]; sourceLinks: readonly SourceLink[] },
  ref: AnnotationRef,
  stamp: string,
): WithoutAnnotation {
  const is = (m: AnnotationRef): boolean => m.articleId === ref.articleId && m.annotationId === ref.annotationId;
  let changed = false;
  const groups: Group[] = [];
  for (const group of current.groups) {
    if (!group.members.some(is)) {
      groups.push(group);
      continue;
    }
    changed = true;
    const members = group.members.filter((m) => !is(m));
    if (members.length > 0) groups.push({ ...group, members, modified: stamp });
  }
  const sourceLinks = current.sourceLinks.filter((l) => !is(l.quote) && !is(l.source));
  if (sourceLinks.length !== current.sourceLinks.length) changed = true;
  return { changed, groups, sourceLinks };
}
