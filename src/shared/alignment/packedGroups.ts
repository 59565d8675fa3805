/**
 * The groups of an alignment in a few flat typed arrays, the exact texts of
 * the passages as UTF-8 bytes (issue 20: 261,000 passages at 100,000
 * articles). A worker hands them to the caller's thread by transferring the
 * buffers, without a copy; and unlike `text.slice(start, end)`, which keeps
 * the whole text alive behind every passage, the bytes hold only the
 * passages' own text, so a library's texts need not stay in memory until the
 * groups are handed over (800 MB at 100,000 articles).
 *
 * Passages are numbered group after group; group g holds passages
 * [groupEnds[g - 1] (0 for the first), groupEnds[g]). An exact text UTF-8
 * cannot carry as it is (a lone surrogate) travels as a string beside the
 * bytes, so unpackGroups gives back every exact text as it was.
 */
import type { AlignedGroup, AlignedPassage } from './alignPassages';

export interface PackedGroups {
  groupEnds: Int32Array;
  /** Each passage's article (its number in the order the articles were aligned), start and end offsets. */
  docs: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Passage p's exact text is exactBytes[exactFrom[p], exactTo[p]) in UTF-8… */
  exactBytes: Uint8Array;
  exactFrom: Int32Array;
  exactTo: Int32Array;
  /** …unless it is one of these [passage, exact text] (a lone surrogate). */
  oddExacts: [number, string][];
}

/** A lone (unpaired) surrogate, which UTF-8 cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type WellFormed = { isWellFormed?: (this: string) => boolean };
const nativeWellFormed = (String.prototype as WellFormed).isWellFormed;
/** No lone surrogate in `text`: String.prototype.isWellFormed where there is one (a fifth of the regular expression's time). */
const wellFormed: (text: string) => boolean = nativeWellFormed ? (text) => nativeWellFormed.call(text) : (text) => !LONE_SURROGATE.test(text);

/** Fills a PackedGroups passage by passage, in any order (say, article by article); `sizes`: passages per group. */
export class GroupPacker {
  private readonly packed: PackedGroups;
  private used = 0;
  private readonly encoder = new TextEncoder();

  constructor(sizes: readonly number[]) {
    const groupEnds = new Int32Array(sizes.length);
    let total = 0;
    sizes.forEach((size, g) => (groupEnds[g] = total += size));
    this.packed = {
      groupEnds,
      docs: new Int32Array(total),
      starts: new Int32Array(total),
      ends: new Int32Array(total),
      exactBytes: new Uint8Array(1 << 16),
      exactFrom: new Int32Array(total),
      exactTo: new Int32Array(total),
      oddExacts: [],
    };
  }

  /** Passage number of passage k of group g. */
  passage(g: number, k: number): number {
    return (g === 0 ? 0 : this.packed.groupEnds[g - 1]!) + k;
  }

  /** Passage p is text.slice(start, end) of article doc. */
  put(p: number, doc: number, text: string, start: number, end: number): void {
    const packed = this.packed;
    packed.docs[p] = doc;
    packed.starts[p] = start;
    packed.ends[p] = end;
    packed.exactFrom[p] = this.used;
    const exact = text.slice(start, end);
    if (!wellFormed(exact)) {
      packed.oddExacts.push([p, exact]);
    } else {
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (packed.exactBytes.length - this.used < 3 * exact.length) {
        const grown = new Uint8Array(Math.max(2 * packed.exactBytes.length, this.used + 3 * exact.length));
        grown.set(packed.exactBytes.subarray(0, this.used));
        packed.exactBytes = grown;
      }
      this.used += this.encoder.encodeInto(exact, packed.exactBytes.subarray(this.used)).written;
    }
    packed.exactTo[p] = this.used;
  }

  /** The groups packed (call once every passage was put). */
  done(): PackedGroups {
    this.packed.exactBytes = this.packed.exactBytes.slice(0, this.used);
    return this.packed;
  }
}

/** The buffers of a PackedGroups, to transfer rather than copy (postMessage's transfer list). */
export function packedBuffers(packed: PackedGroups): ArrayBuffer[] {
  const { groupEnds, docs, starts, ends, exactBytes, exactFrom, exactTo } = packed;
  return [groupEnds, docs, starts, ends, exactBytes, exactFrom, exactTo].map((array) => array.buffer as ArrayBuffer);
}

/** The groups as objects; `ids`: the articles' ids by number. */
export function unpackGroups(packed: PackedGroups, ids: readonly string[]): AlignedGroup[] {
  const { groupEnds, docs, starts, ends, exactBytes, exactFrom, exactTo } = packed;
  const odd = new Map(packed.oddExacts);
  const decoder = new TextDecoder();
  const groups: AlignedGroup[] = new Array<AlignedGroup>(groupEnds.length);
  let p = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    const passages: AlignedPassage[] = new Array<AlignedPassage>(groupEnds[g]! - p);
    for (let k = 0; p < groupEnds[g]!; k++, p++) {
      const exact = odd.get(p) ?? decoder.decode(exactBytes.subarray(exactFrom[p]!, exactTo[p]!));
      passages[k] = { article: ids[docs[p]!]!, start: starts[p]!, end: ends[p]!, exact };
    }
    groups[g] = { passages };
  }
  return groups;
}
