/**
 * A three-way merge of a list of items that carry ids (annotations, tags,
 * articles, groups, credits): base is the list both sides started from (empty
 * when the two histories share none), ours the local list, theirs the
 * remote's. Both sides' additions are kept; an edit on one side wins over no
 * change; a deletion on one side, the other leaving the item as it was,
 * deletes it. An item changed differently on both sides keeps the later edit
 * (by `time`; equal times pick the same side on every machine) and the other
 * is reported; an item deleted on one side and edited on the other keeps the
 * edit and reports the deletion. Nothing either side wrote goes without being
 * kept or reported.
 */

/** One item the merge could not keep both sides of: what was kept, and what was set aside. */
export interface ItemConflict<T = unknown> {
  id: string;
  reason: 'edited on both sides' | 'added on both sides' | 'deleted here, edited there' | 'edited here, deleted there';
  /** Which side's version is in the merged data. */
  kept: 'local' | 'remote';
  /** The version set aside (null: the side deleted it). */
  lost: T | null;
}

export interface MergeByIdOptions<T> {
  id(item: T): string;
  /** When the side last changed the item (ISO); undefined when the item does not say. */
  time(item: T, side: 'local' | 'remote'): string | undefined;
}

export interface MergedItems<T> {
  items: T[];
  conflicts: ItemConflict<T>[];
}

export function mergeById<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], options: MergeByIdOptions<T>): MergedItems<T> {
  const { id } = options;
  const b = byId(base, id);
  const o = byId(ours, id);
  const t = byId(theirs, id);
  const conflicts: ItemConflict<T>[] = [];
  const decide = (key: string): T | undefined => {
    const bi = b.get(key);
    const oi = o.get(key);
    const ti = t.get(key);
    if (oi !== undefined && ti !== undefined && same(oi, ti)) return oi;
    if (bi === undefined) {
      if (oi === undefined) return ti;
      if (ti === undefined) return oi;
      return later(key, oi, ti, 'added on both sides');
    }
    if (oi === undefined && ti === undefined) return undefined;
    if (oi === undefined) {
      if (same(ti!, bi)) return undefined;
      conflicts.push({ id: key, reason: 'deleted here, edited there', kept: 'remote', lost: null });
      return ti;
    }
    if (ti === undefined) {
      if (same(oi, bi)) return undefined;
      conflicts.push({ id: key, reason: 'edited here, deleted there', kept: 'local', lost: null });
      return oi;
    }
    if (same(oi, bi)) return ti;
    if (same(ti, bi)) return oi;
    return later(key, oi, ti, 'edited on both sides');
  };
  const later = (key: string, oi: T, ti: T, reason: ItemConflict['reason']): T => {
    const ot = options.time(oi, 'local') ?? '';
    const tt = options.time(ti, 'remote') ?? '';
    // Equal times: the larger JSON wins, so both machines would choose alike.
    const remoteWins = tt !== ot ? tt > ot : stableJson(ti) > stableJson(oi);
    conflicts.push({ id: key, reason, kept: remoteWins ? 'remote' : 'local', lost: remoteWins ? oi : ti });
    return remoteWins ? ti : oi;
  };

  // The order: the remote's when we left the order as it was (it may have reordered), else ours; then the other's new items.
  const keepOursOrder = !sameOrder(base, ours, id);
  const first = keepOursOrder ? ours : theirs;
  const second = keepOursOrder ? theirs : ours;
  const seen = new Set<string>();
  const items: T[] = [];
  for (const list of [first, second, base]) {
    for (const item of list) {
      const key = id(item);
      if (seen.has(key)) continue;
      seen.add(key);
      const merged = decide(key);
      if (merged !== undefined) items.push(merged);
    }
  }
  return { items, conflicts };
}

function byId<T>(list: readonly T[], id: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) map.set(id(item), item);
  return map;
}

/** Whether `b` keeps the items it shares with `a` in `a`'s order (additions and deletions aside). */
function sameOrder<T>(a: readonly T[], b: readonly T[], id: (item: T) => string): boolean {
  const inA = new Set(a.map(id));
  const inB = new Set(b.map(id));
  const x = a.map(id).filter((k) => inB.has(k));
  const y = b.map(id).filter((k) => inA.has(k));
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

function same(a: unknown, b: unknown): boolean {
  return a === b || stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so two equal items compare equal whatever order their keys were written in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
