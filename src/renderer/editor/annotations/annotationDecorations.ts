/**
 * Lays out annotations as highlight decorations over the reader's document,
 * in one pass: ProseMirror ranges, colours, and the two numbers that keep
 * overlapping highlights apart on screen.
 *
 * - `lane`: overlapping annotations get different lanes; each lane draws its
 *   tag-coloured underline a little lower, so two highlights over the same
 *   words show two underlines.
 * - `depth`: how many other annotations enclose this one. Each highlight is
 *   its own nested `<span>` (attrs carry `nodeName`) with a translucent
 *   background, so nested and overlapping parts come out darker.
 *
 * Group membership (issue 3) shows too: an annotation in a group carries
 * `data-group-ids` and the class `tri-hl--grouped`; members of the focused
 * group get `tri-hl--group-focus`, and annotations picked for linking
 * `tri-hl--picked`.
 *
 * Coders (issue 16): with `marks.coders`, each highlight carries its coder's
 * colour (`--tri-coder`, drawn as an edge at its start) and initials
 * (`data-coder-initials`, a small badge), so two coders' highlights of one
 * tag stay apart; the annotations themselves stay standoff.
 *
 * Pure: no DOM, no ProseMirror objects; the plugin turns specs into
 * `Decoration.inline(from, to, attrs)`.
 */
import type { Annotation, Tag } from '../../../shared/model/model';
import { offsetToPos, type TextBlock } from '../../../shared/anchoring/textBlocks';
import { tagLookup } from '../../data/tagLookup';
import { tagTint } from '../../components/tagTint';

/** Background alpha of one highlight; stacked layers add up. */
export const HIGHLIGHT_ALPHA = 0.3;
/** Underlines drop one step per lane up to this many lanes. */
export const MAX_LANE = 3;

export interface HighlightAttrs {
  nodeName: 'span';
  class: string;
  style: string;
  'data-annotation-id': string;
  'data-tag': string;
  'data-depth': string;
  'data-group-ids'?: string;
  /** The coder and their initials, when coders are told apart (issue 16). */
  'data-coder'?: string;
  'data-coder-initials'?: string;
}

/** What else a highlight shows besides its tag. */
export interface HighlightMarks {
  /** Ids of the groups each annotation belongs to. */
  groupIds?: ReadonlyMap<string, readonly string[]>;
  /** The group whose members are outlined. */
  focusGroupId?: string | null;
  /** Annotations picked for linking. */
  pickedIds?: ReadonlySet<string>;
  /**
   * Coders to tell apart, by name: each of their highlights gets an edge in
   * the coder's colour and their initials (`tri-hl--coder`), the tag's
   * colour kept as it is. Absent when one coder made everything shown.
   */
  coders?: ReadonlyMap<string, { colour: string; initials: string }>;
}

export interface HighlightSpec {
  annotationId: string;
  tagId: string;
  /** ProseMirror positions. */
  from: number;
  to: number;
  lane: number;
  depth: number;
  attrs: HighlightAttrs;
}

/** A tag id made safe for a class name. */
export function tagClass(tagId: string): string {
  return `tri-hl--${tagId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function annotationDecorations(
  annotations: readonly (Pick<Annotation, 'id' | 'tagId' | 'start' | 'end'> & { creator?: string })[],
  codebook: readonly Tag[],
  blocks: readonly TextBlock[],
  marks: HighlightMarks = {},
): HighlightSpec[] {
  const sorted = [...annotations]
    .filter((a) => a.start < a.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const tints = new Map<string, string>(); // per tag colour, worked out once
  const laneEnds: number[] = []; // per lane: end offset of the last annotation in it
  const open: { end: number }[] = []; // annotations that may still enclose later ones
  const specs: HighlightSpec[] = [];

  for (const a of sorted) {
    let lane = laneEnds.findIndex((end) => end <= a.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = a.end;

    // Sorted by start, so every earlier annotation starts at or before this
    // one; it encloses this one if it also ends at or after it.
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.end <= a.start) open.splice(i, 1);
    const depth = open.reduce((n, o) => (o.end >= a.end ? n + 1 : n), 0);
    open.push({ end: a.end });

    const from = offsetToPos(blocks, a.start);
    const to = offsetToPos(blocks, a.end);
    if (from >= to) continue;

    const tag = tagLookup(codebook, a.tagId);
    const shownLane = Math.min(lane, MAX_LANE);
    const groups = marks.groupIds?.get(a.id) ?? [];
    let cls = `tri-hl ${tagClass(a.tagId)}${depth > 0 ? ' tri-hl--nested' : ''}`;
    if (groups.length > 0) cls += ' tri-hl--grouped';
    if (marks.focusGroupId && groups.includes(marks.focusGroupId)) cls += ' tri-hl--group-focus';
    if (marks.pickedIds?.has(a.id)) cls += ' tri-hl--picked';
    const coder = a.creator === undefined ? undefined : marks.coders?.get(a.creator);
    if (coder) cls += ' tri-hl--coder';
    specs.push({
      annotationId: a.id,
      tagId: a.tagId,
      from,
      to,
      lane,
      depth,
      attrs: {
        nodeName: 'span',
        class: cls,
        style: `background-color: ${tintOf(tag.color)}; --tri-tag: ${tag.color}; --tri-lane: ${shownLane}${coder ? `; --tri-coder: ${coder.colour}` : ''}`,
        'data-annotation-id': a.id,
        'data-tag': a.tagId,
        'data-depth': String(depth),
        ...(groups.length > 0 ? { 'data-group-ids': groups.join(' ') } : {}),
        ...(coder ? { 'data-coder': a.creator!, 'data-coder-initials': coder.initials } : {}),
      },
    });
  }
  return specs;

  function tintOf(color: string): string {
    let tint = tints.get(color);
    if (tint === undefined) tints.set(color, (tint = tagTint(color, HIGHLIGHT_ALPHA)));
    return tint;
  }
}
