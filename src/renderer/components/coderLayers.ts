/**
 * The reader's coder layers (issue 16): which coders' annotations the text
 * and the list show — everyone's, mine, one other coder's, or only where the
 * coders disagree (codingDisagreements) — and, when more than one coder's
 * work is in the article, each coder's colour and initials for the
 * highlights' edges and badges.
 */
import { defaultInitials } from '../../shared/coders/coderProfile';
import { disagreeingAnnotations } from '../../shared/agreement/codingDisagreements';
import type { Annotation } from '../../shared/model/model';
import { coderColour } from './coderColour';

/** 'all', 'mine', 'disagreements' or 'coder:<name>'. */
export type CoderLayer = string;

export function coderLayerAnnotations(annotations: readonly Annotation[], layer: CoderLayer, me: string | null): readonly Annotation[] {
  if (layer === 'mine') return annotations.filter((a) => a.creator === me);
  if (layer === 'disagreements') {
    const ids = disagreeingAnnotations(annotations);
    return annotations.filter((a) => ids.has(a.id));
  }
  if (layer.startsWith('coder:')) {
    const name = layer.slice('coder:'.length);
    return annotations.filter((a) => a.creator === name);
  }
  return annotations;
}

/** Colours and initials by coder; undefined when one coder (or none) made the article's annotations. */
export function coderBadges(
  creators: readonly string[],
  me: { name: string; initials: string | null; colour: string | null } | null,
): Map<string, { colour: string; initials: string }> | undefined {
  if (creators.length < 2) return undefined;
  return new Map(
    creators.map((name) =>
      name === me?.name
        ? [name, { colour: coderColour(name, me.colour), initials: me.initials ?? defaultInitials(name) }]
        : [name, { colour: coderColour(name), initials: defaultInitials(name) }],
    ),
  );
}
