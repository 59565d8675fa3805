/**
 * Adjudication (issue 16, as INCEpTION's curation): one article's codings by
 * several coders laid side by side so an adjudicator builds a consensus
 * layer, annotations whose creator is CONSENSUS_CODER.
 *
 * - agreements: codings every coder made alike (same tag, span and attribute
 *   values), shown once; settled once the consensus holds the same coding;
 * - disagreements: the other codings, clustered where their spans overlap
 *   (a different span, tag or attribute, or only one coder); settled once a
 *   consensus annotation overlaps the cluster, or the adjudicator rejected it
 *   (a DisagreementRejection with its key, coder and time in the article's file).
 * Progress is settled items of all items.
 */
import { z } from 'zod';
import type { Annotation } from '../model/model';
import { codingKey, disagreeingAnnotations } from './codingDisagreements';

export const CONSENSUS_CODER = 'consensus';
/**
 * How a rejected disagreement was recorded before it had its own record:
 * among the article's rejected suggestion ids. Read and moved over
 * (fromOldRejections); never written any more.
 */
export const REJECTED_DISAGREEMENT_PREFIX = 'adjudicated:';

/** A disagreement the adjudicator rejected: its key, who rejected it and when (null: before rejections were dated). */
export const DisagreementRejectionSchema = z.object({
  key: z.string().min(1).max(40),
  coder: z.string(),
  at: z.string().nullable(),
});
export type DisagreementRejection = z.infer<typeof DisagreementRejectionSchema>;

/**
 * Moves old `adjudicated:<key>` entries out of a rejected suggestion id list
 * into rejection records (by `coder`, the data folder's coder, undated);
 * keys recorded already are not repeated.
 */
export function fromOldRejections(
  rejectedSuggestions: readonly string[],
  records: readonly DisagreementRejection[],
  coder: string,
): { rejectedSuggestions: string[]; rejectedDisagreements: DisagreementRejection[] } | null {
  const old = rejectedSuggestions.filter((id) => id.startsWith(REJECTED_DISAGREEMENT_PREFIX));
  if (old.length === 0) return null;
  const known = new Set(records.map((r) => r.key));
  const moved = [...new Set(old.map((id) => id.slice(REJECTED_DISAGREEMENT_PREFIX.length)))]
    .filter((key) => key !== '' && !known.has(key))
    .map((key) => ({ key, coder, at: null }));
  return {
    rejectedSuggestions: rejectedSuggestions.filter((id) => !id.startsWith(REJECTED_DISAGREEMENT_PREFIX)),
    rejectedDisagreements: [...records, ...moved],
  };
}

export interface DisagreementItem {
  /** Stable while its annotations stay: a hash of their ids. */
  key: string;
  start: number;
  end: number;
  /** The coders' versions, by coder then position. */
  versions: Annotation[];
  settled: 'consensus' | 'rejected' | null;
  /** Who rejected it and when, while it is rejected. */
  rejection?: { coder: string; at: string | null };
}

export interface AgreementItem {
  key: string;
  /** One of the identical codings (the first coder's). */
  annotation: Annotation;
  coders: string[];
  settled: boolean;
}

export interface Adjudication {
  coders: string[];
  agreements: AgreementItem[];
  disagreements: DisagreementItem[];
  settled: number;
  total: number;
}

export function adjudication(annotations: readonly Annotation[], rejections: readonly DisagreementRejection[]): Adjudication {
  const coded = annotations.filter((a) => a.creator !== CONSENSUS_CODER);
  const consensus = annotations.filter((a) => a.creator === CONSENSUS_CODER);
  const coders = [...new Set(coded.map((a) => a.creator))].sort();
  const disagreeing = disagreeingAnnotations(coded);
  const consensusKeys = new Set(consensus.map((a) => codingKey(a)));
  const rejected = new Map(rejections.map((r) => [r.key, r]));

  const agreements = new Map<string, AgreementItem>();
  for (const a of byPosition(coded.filter((x) => !disagreeing.has(x.id)))) {
    const key = codingKey(a);
    const item = agreements.get(key);
    if (item) item.coders.push(a.creator);
    else agreements.set(key, { key: shortHash(key), annotation: a, coders: [a.creator], settled: consensusKeys.has(key) });
  }

  const disagreements: DisagreementItem[] = [];
  let current: Annotation[] = [];
  let end = -1;
  const close = () => {
    if (current.length === 0) return;
    const start = Math.min(...current.map((a) => a.start));
    const key = shortHash(current.map((a) => a.id).sort().join(' '));
    const overlapped = consensus.some((c) => c.start < end && c.end > start);
    const rejection = overlapped ? undefined : rejected.get(key);
    disagreements.push({
      key,
      start,
      end,
      versions: [...current].sort((x, y) => x.creator.localeCompare(y.creator) || x.start - y.start),
      settled: overlapped ? 'consensus' : rejection ? 'rejected' : null,
      ...(rejection ? { rejection: { coder: rejection.coder, at: rejection.at } } : {}),
    });
    current = [];
  };
  for (const a of byPosition(coded.filter((x) => disagreeing.has(x.id)))) {
    if (a.start >= end) {
      close();
      end = a.end;
    } else end = Math.max(end, a.end);
    current.push(a);
  }
  close();

  const agreementList = [...agreements.values()];
  const settled = agreementList.filter((a) => a.settled).length + disagreements.filter((d) => d.settled !== null).length;
  return { coders, agreements: agreementList, disagreements, settled, total: agreementList.length + disagreements.length };
}

function byPosition(list: readonly Annotation[]): Annotation[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end || a.creator.localeCompare(b.creator));
}

/** FNV-1a, 32 bits, in base 36: a short stable key. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
