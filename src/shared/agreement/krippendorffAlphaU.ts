/**
 * Krippendorff's alpha_u for unitizing: how well coders agree on where the
 * units of a category lie on a continuum (Krippendorff 1995, "On the
 * reliability of unitizing contiguous data"; 2004, "Content Analysis", 2nd
 * ed., §12.4), computed as DKPro Statistics' KrippendorffAlphaUnitizingAgreement
 * does (our own code; its published examples are reproduced in the tests).
 *
 * Per category c, each coder's continuum [begin, begin + length) falls into
 * that coder's units of c and the gaps between them. For two coders, every
 * pair of overlapping segments (g of one, h of the other) adds δ²:
 *   both units:                  (start_g − start_h)² + (end_g − end_h)²
 *   a unit inside the other's gap: its length²
 *   otherwise:                    0
 *   D_o(c) = 2 Σ_{coder pairs} Σ δ² / (m (m − 1) L²)
 * and the expected disagreement over all ways of placing the same units:
 *   D_e(c) = (2/L) Σ_{units u of c} [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps g, |g| ≥ l} (|g| − l + 1) ]
 *            / (m L (m L − 1) − Σ_u l (l − 1))
 * with l = |u|, N_c the units of c of all coders, gaps of c of all coders.
 * α_u(c) = 1 − D_o(c)/D_e(c); over all categories, α_u = 1 − mean D_o / mean D_e.
 *
 * One coder's overlapping units of one category are merged first (the
 * measure assumes they do not overlap); units touching end to start stay two.
 */

export interface UnitizedSpan {
  /** 0-based index of the coder. */
  coder: number;
  category: string;
  /** [start, end) on the continuum, begin ≤ start < end ≤ begin + length. */
  start: number;
  end: number;
}

export interface UnitizingStudy {
  coders: number;
  /** Where the continuum starts (default 0) and how long it is. */
  begin?: number;
  length: number;
  spans: readonly UnitizedSpan[];
}

export interface CategoryAlphaU {
  /** null when no coder marked the category, or when D_e is 0. */
  alpha: number | null;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** Units of the category, all coders together (after merging overlaps). */
  units: number;
}

export interface AlphaUResult {
  /** Over the categories someone marked; null when none was. */
  alpha: number | null;
  observedDisagreement: number;
  expectedDisagreement: number;
  categories: Map<string, CategoryAlphaU>;
}

export function krippendorffAlphaU(study: UnitizingStudy): AlphaUResult {
  const begin = study.begin ?? 0;
  const { length: L, coders: m } = study;
  if (!(m >= 2)) throw new Error(`alpha_u needs at least two coders, not ${m}`);
  if (!(L > 0)) throw new Error(`alpha_u needs a continuum longer than 0, not ${L}`);
  const byCategory = new Map<string, Segment[][]>();
  for (const span of study.spans) {
    if (!(span.coder >= 0 && span.coder < m && Number.isInteger(span.coder))) throw new Error(`span of coder ${span.coder}: there are ${m} coders (0 to ${m - 1})`);
    if (!(span.start >= begin && span.end > span.start && span.end <= begin + L)) {
      throw new Error(`span ${span.start}–${span.end} of "${span.category}" lies outside the continuum ${begin}–${begin + L}`);
    }
    let perCoder = byCategory.get(span.category);
    if (!perCoder) byCategory.set(span.category, (perCoder = Array.from({ length: m }, () => [])));
    perCoder[span.coder]!.push({ start: span.start, end: span.end });
  }
  const categories = new Map<string, CategoryAlphaU>();
  let sumObserved = 0;
  let sumExpected = 0;
  for (const [category, perCoder] of byCategory) {
    const units = perCoder.map(mergeOverlaps);
    const Do = observedDisagreement(units, begin, L);
    const De = expectedDisagreement(units, begin, L);
    categories.set(category, { alpha: De > 0 ? 1 - Do / De : null, observedDisagreement: Do, expectedDisagreement: De, units: units.reduce((n, u) => n + u.length, 0) });
    sumObserved += Do;
    sumExpected += De;
  }
  const count = byCategory.size;
  const Do = count > 0 ? sumObserved / count : 0;
  const De = count > 0 ? sumExpected / count : 0;
  return { alpha: count > 0 && De > 0 ? 1 - Do / De : null, observedDisagreement: Do, expectedDisagreement: De, categories };
}

interface Segment {
  start: number;
  end: number;
}

/** Sorted, with overlapping segments joined. */
function mergeOverlaps(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** A coder's continuum as alternating units and gaps, in order. */
function partition(units: readonly Segment[], begin: number, L: number): { start: number; end: number; unit: boolean }[] {
  const parts: { start: number; end: number; unit: boolean }[] = [];
  let pos = begin;
  for (const u of units) {
    if (u.start > pos) parts.push({ start: pos, end: u.start, unit: false });
    parts.push({ start: u.start, end: u.end, unit: true });
    pos = u.end;
  }
  if (pos < begin + L) parts.push({ start: pos, end: begin + L, unit: false });
  return parts;
}

function observedDisagreement(units: readonly Segment[][], begin: number, L: number): number {
  const m = units.length;
  const parts = units.map((u) => partition(u, begin, L));
  let sum = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      // Sweep both partitions: each overlapping pair of segments once.
      const pa = parts[a]!;
      const pb = parts[b]!;
      let i = 0;
      let j = 0;
      while (i < pa.length && j < pb.length) {
        const g = pa[i]!;
        const h = pb[j]!;
        sum += delta(g, h);
        if (g.end < h.end) i++;
        else if (h.end < g.end) j++;
        else {
          i++;
          j++;
        }
      }
    }
  }
  return (2 * sum) / (m * (m - 1) * L * L);
}

function delta(g: { start: number; end: number; unit: boolean }, h: { start: number; end: number; unit: boolean }): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? (g.end - g.start) ** 2 : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? (h.end - h.start) ** 2 : 0;
  return 0;
}

function expectedDisagreement(units: readonly Segment[][], begin: number, L: number): number {
  const m = units.length;
  const all = units.flat();
  const N = all.length;
  if (N === 0) return 0;
  // Gap lengths of every coder, longest first, with running sums, to add up
  // Σ_{|g| ≥ l} (|g| − l + 1) for each unit length l by binary search.
  const gaps: number[] = [];
  for (const coderUnits of units) for (const p of partition(coderUnits, begin, L)) if (!p.unit) gaps.push(p.end - p.start);
  gaps.sort((a, b) => b - a);
  const running = new Float64Array(gaps.length + 1);
  for (let i = 0; i < gaps.length; i++) running[i + 1] = running[i]! + gaps[i]!;
  let sum = 0;
  let lengthPairs = 0;
  for (const u of all) {
    const l = u.end - u.start;
    lengthPairs += l * (l - 1);
    // Gaps at least l long: the first `count` of the descending list.
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (gaps[mid]! >= l) lo = mid + 1;
      else hi = mid;
    }
    const count = lo;
    const fits = running[count]! - (l - 1) * count;
    sum += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
  }
  return ((2 / L) * sum) / (m * L * (m * L - 1) - lengthPairs);
}
