/**
 * The shape every coding measure here takes: reliability data as in
 * Krippendorff (2011), one row per coder, one column per unit; a missing
 * value (the coder did not code that unit) is null or undefined. Rows may be
 * typed arrays (Uint8Array of 0/1, say): anything indexable with a length.
 * The measures encode the values as integers first (encodeCoding); callers
 * that compute several measures on the same data encode once and pass the
 * EncodedCoding, grouped by groupIdenticalUnits when units repeat.
 */
export type CodedValue = string | number | boolean;

export type CodingData<V extends CodedValue = CodedValue> = readonly ArrayLike<V | null | undefined>[];

/** The number of units (the rows' common length); throws naming the row that differs. */
export function unitCount(data: CodingData): number {
  const n = data[0]?.length ?? 0;
  data.forEach((row, i) => {
    if (row.length !== n) throw new Error(`coder ${i + 1} has ${row.length} values, coder 1 has ${n}: every coder needs one value (or null) per unit`);
  });
  return n;
}

export const isMissing = (v: CodedValue | null | undefined): v is null | undefined => v === null || v === undefined;

/** Reliability data with each value replaced by its index in `values` (−1 where missing). */
export interface EncodedCoding<V extends CodedValue> {
  /** codes[coder][unit]. */
  codes: Int32Array[];
  /** The distinct values, in the order first met. */
  values: V[];
  /** Columns of `codes`. */
  units: number;
  /**
   * How many units each column stands for (null: one each). Units coded
   * alike by every coder are interchangeable for these measures, so a
   * library's 700,000 words shrink to the few patterns of values they show.
   */
  weights: Float64Array | null;
}

/** What every measure takes: reliability data, or the same encoded once to share between measures. */
export type Coding<V extends CodedValue = CodedValue> = CodingData<V> | EncodedCoding<V>;

/**
 * Encodes once so the measures count with integers, not by looking values up
 * per cell; data already encoded are returned as they are.
 */
export function encodeCoding<V extends CodedValue>(data: Coding<V>): EncodedCoding<V> {
  if (!Array.isArray(data)) return data as EncodedCoding<V>;
  const rows = data as CodingData<V>;
  const units = unitCount(rows);
  const index = new Map<V, number>();
  const values: V[] = [];
  const codes = rows.map((row) => {
    const out = new Int32Array(units);
    // Coded data repeat themselves (most words carry no tag): remember the last value.
    let last: V | null | undefined;
    let lastCode = -1;
    for (let u = 0; u < units; u++) {
      const v = row[u];
      if (v === last && u > 0) {
        out[u] = lastCode;
        continue;
      }
      let code = -1;
      if (!isMissing(v)) {
        const known = index.get(v);
        if (known === undefined) {
          code = values.length;
          values.push(v);
          index.set(v, code);
        } else code = known;
      }
      out[u] = code;
      last = v;
      lastCode = code;
    }
    return out;
  });
  return { codes, values, units, weights: null };
}

/**
 * The same data with identical units (the same code from every coder)
 * counted once, with a weight. Left as it is when the patterns cannot be
 * numbered exactly (very many coders and values).
 */
export function groupIdenticalUnits<V extends CodedValue>(data: EncodedCoding<V>): EncodedCoding<V> {
  const { codes, values, units, weights } = data;
  const radix = values.length + 1;
  if (radix ** codes.length >= Number.MAX_SAFE_INTEGER) return data;
  const column = new Map<number, number>();
  const keys: number[] = [];
  const counts: number[] = [];
  let lastKey = -1;
  let lastColumn = -1;
  for (let u = 0; u < units; u++) {
    let key = 0;
    for (let r = 0; r < codes.length; r++) key = key * radix + codes[r]![u]! + 1;
    let at = key === lastKey ? lastColumn : column.get(key);
    if (at === undefined) {
      at = keys.length;
      column.set(key, at);
      keys.push(key);
      counts.push(0);
    }
    counts[at]! += weights ? weights[u]! : 1;
    lastKey = key;
    lastColumn = at;
  }
  const grouped = codes.map(() => new Int32Array(keys.length));
  keys.forEach((key, at) => {
    for (let r = codes.length - 1; r >= 0; r--) {
      grouped[r]![at] = (key % radix) - 1;
      key = Math.floor(key / radix);
    }
  });
  return { codes: grouped, values, units: keys.length, weights: Float64Array.from(counts) };
}
