import { describe, expect, it } from 'vitest';
import { GroupPacker, packedBuffers, unpackGroups } from './packedGroups';

const TEXTS = [
  'Plain words at the start. “I am ashamed,” the diplomat said in Genève — ça suffit.',
  'An emoji 👍 between words, and a cut surrogate \uD83D here, then \uDC4D there.',
  `${'Long passage words repeated. '.repeat(4000)}The end.`,
];

describe('GroupPacker and unpackGroups', () => {
  it('give back every passage with its article, offsets and exact text as it stands in the article', () => {
    // Three groups, filled article by article (not in passage order), as the alignment fills them.
    const groups = [
      [
        [0, 27, 54],
        [1, 0, 21],
      ],
      [
        [2, 0, TEXTS[2]!.length],
        [1, 22, TEXTS[1]!.length],
        [0, 55, TEXTS[0]!.length],
      ],
      [[1, 47, 62]],
    ];
    const packer = new GroupPacker(groups.map((g) => g.length));
    for (const doc of [2, 1, 0]) {
      groups.forEach((group, g) =>
        group.forEach(([d, start, end], k) => {
          if (d === doc) packer.put(packer.passage(g, k), doc, TEXTS[doc]!, start!, end!);
        }),
      );
    }
    const packed = packer.done();
    const ids = ['first', 'second', 'third'];
    const expected = groups.map((group) => ({ passages: group.map(([d, start, end]) => ({ article: ids[d!]!, start, end, exact: TEXTS[d!]!.slice(start, end) })) }));
    expect(unpackGroups(packed, ids)).toEqual(expected);
    // The lone surrogates are kept as they were (UTF-8 would have turned them into U+FFFD).
    expect(unpackGroups(packed, ids)[1]!.passages[1]!.exact).toContain('\uD83D here');

    // Handed to another thread by moving its buffers, not copying them.
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, packedBuffers(packed));
    expect(packed.exactBytes.byteLength).toBe(0);
    port1.close();
    port2.close();
  });

  it('packs no group at all', () => {
    expect(unpackGroups(new GroupPacker([]).done(), [])).toEqual([]);
  });
});
