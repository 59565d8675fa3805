import { describe, expect, it } from 'vitest';
import type { AlignedGroup } from '../../shared/alignment/alignPassages';
import { alignedGroupJson } from './alignedGroupJson';
import { writeJsonArray } from './writeJsonArray';

async function streamed(groups: unknown[]): Promise<string> {
  const chunks: string[] = [];
  await writeJsonArray(groups as AlignedGroup[], async (chunk) => void chunks.push(chunk), () => false, alignedGroupJson);
  return chunks.join('');
}

describe('alignedGroupJson', () => {
  it('writes, group by group, the bytes JSON.stringify(groups, null, 2) writes', async () => {
    const passage = (i: number) => ({ article: `a${i}`, start: i * 10, end: i * 10 + 42, exact: `“We are \\ "done",”\n he said ${i}\u2028\uD83D — ça` });
    const groups = Array.from({ length: 3000 }, (_, g) => ({ passages: Array.from({ length: 1 + (g % 4) }, (_, k) => passage(g + k)) }));
    for (const some of [[], groups.slice(0, 1), groups]) expect(await streamed(some)).toBe(`${JSON.stringify(some, null, 2)}\n`);
  });

  it('writes a group of another shape as JSON.stringify does', async () => {
    const odd = [{ passages: [] }, { passages: [{ article: 'a', start: 1, end: 2, exact: 'x', note: 'more' }] }, { passages: [{ end: 2, start: 1, article: 'a', exact: 'x' }] }, { passages: [], id: 7 }];
    expect(await streamed(odd)).toBe(`${JSON.stringify(odd, null, 2)}\n`);
  });
});
