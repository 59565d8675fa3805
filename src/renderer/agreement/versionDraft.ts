/**
 * A coder's version as the adjudicator edits it before taking it (issue 16):
 * span, tag, attribute values and note as the form holds them (attribute
 * values as typed), the passage the span covers with a little context, and
 * the `edited` request settleDisagreement takes — or the reason the draft
 * cannot be taken yet, naming the field.
 */
import type { Annotation, AttributeValue, Tag } from '../../shared/model/model';

export interface VersionDraft {
  from: string;
  start: number;
  end: number;
  tagId: string;
  /** By attribute id, as typed or chosen ('' is no value; booleans as 'yes' / 'no'). */
  attributes: Record<string, string>;
  note: string;
}

export interface EditedVersion {
  from: string;
  start: number;
  end: number;
  tagId: string;
  attributes: Record<string, AttributeValue>;
  note: string;
}

const asText = (v: AttributeValue | undefined): string => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

export function draftOf(version: Annotation): VersionDraft {
  return {
    from: version.id,
    start: version.start,
    end: version.end,
    tagId: version.tagId,
    attributes: Object.fromEntries(Object.entries(version.attributes).map(([k, v]) => [k, asText(v)])),
    note: version.note,
  };
}

/** The passage the draft's span covers in the text, and a few words either side. */
export function draftPassage(text: string, draft: Pick<VersionDraft, 'start' | 'end'>, context = 40): { before: string; exact: string; after: string } {
  const start = Math.max(0, Math.min(draft.start, text.length));
  const end = Math.max(start, Math.min(draft.end, text.length));
  return { before: text.slice(Math.max(0, start - context), start), exact: text.slice(start, end), after: text.slice(end, end + context) };
}

/** The request for settleDisagreement's `edited`, or what is wrong with the draft. */
export function editedVersion(draft: VersionDraft, codebook: readonly Tag[], textLength: number): { ok: true; edited: EditedVersion } | { ok: false; problem: string } {
  if (!Number.isInteger(draft.start) || !Number.isInteger(draft.end) || draft.start < 0 || draft.end > textLength || draft.start >= draft.end) {
    return { ok: false, problem: `The span must start before it ends, inside the text (0–${textLength}).` };
  }
  const tag = codebook.find((t) => t.id === draft.tagId);
  if (!tag) return { ok: false, problem: 'Choose a tag from the codebook.' };
  const attributes: Record<string, AttributeValue> = {};
  for (const def of tag.attributes) {
    const raw = (draft.attributes[def.id] ?? '').trim();
    if (raw === '') continue;
    if (def.type === 'number') {
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) return { ok: false, problem: `${def.name}: “${raw}” is not a number.` };
      attributes[def.id] = n;
    } else if (def.type === 'boolean') attributes[def.id] = raw === 'yes';
    else if (def.type === 'choice' && !def.options.includes(raw)) return { ok: false, problem: `${def.name}: “${raw}” is not one of its choices.` };
    else attributes[def.id] = raw;
  }
  return { ok: true, edited: { from: draft.from, start: draft.start, end: draft.end, tagId: tag.id, attributes, note: draft.note } };
}
