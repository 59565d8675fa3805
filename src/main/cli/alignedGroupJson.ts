/**
 * A group's JSON as writeJsonArray's default (JSON.stringify with an indent
 * of two, inside the array) writes it, built by hand: `align --json` writes
 * 45,000 groups of 261,000 passages at 100,000 articles (issue 20) a chunk at
 * a time instead of as one 85 MB string. A group of another shape (a key
 * more or missing) takes the default.
 */
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import { indentedJson } from './writeJsonArray';

const PASSAGE_KEYS = 'article,start,end,exact';

export function alignedGroupJson(group: AlignedGroup): string {
  const s = JSON.stringify;
  if (Object.keys(group).join() !== 'passages' || !Array.isArray(group.passages)) return indentedJson(group);
  if (group.passages.length === 0) return '{\n    "passages": []\n  }';
  let json = '{\n    "passages": [';
  for (let k = 0; k < group.passages.length; k++) {
    const p = group.passages[k]!;
    if (Object.keys(p).join() !== PASSAGE_KEYS || typeof p.article !== 'string' || typeof p.exact !== 'string' || typeof p.start !== 'number' || typeof p.end !== 'number') {
      return indentedJson(group);
    }
    json += `${k === 0 ? '' : ','}\n      {\n        "article": ${s(p.article)},\n        "start": ${s(p.start)},\n        "end": ${s(p.end)},\n        "exact": ${s(p.exact)}\n      }`;
  }
  return `${json}\n    ]\n  }`;
}
