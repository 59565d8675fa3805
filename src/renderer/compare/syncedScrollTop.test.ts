import { describe, expect, it } from 'vitest';
import { mapFocalY, matchedAnchors, syncedScrollTop } from './syncedScrollTop';

describe('synchronised scrolling', () => {
  const left = [
    { key: 'a', y: 100 },
    { key: 'b', y: 500 },
    { key: 'c', y: 900 },
  ];
  const right = [
    { key: 'a', y: 300 },
    { key: 'c', y: 1000 },
    { key: 'b', y: 700 },
  ];

  it('a shared passage on the focal line lands on the same line in the other column', () => {
    // Left scrolled so passage b's line is 200 px under the column top.
    expect(syncedScrollTop({ anchors: left, scrollTop: 300, focalOffset: 200 }, { anchors: right })).toBe(500);
    expect(syncedScrollTop({ anchors: left, scrollTop: 0, focalOffset: 100 }, { anchors: right })).toBe(200);
  });

  it('between passages both columns move so the next pair arrives level together', () => {
    // Halfway between b (500↔700) and c (900↔1000).
    expect(mapFocalY(700, matchedAnchors(left, right))).toBe(850);
    // From the top of the text to the first passage: 0↔0 to 100↔300.
    expect(mapFocalY(50, matchedAnchors(left, right))).toBe(150);
  });

  it('beyond the last shared passage the other column moves by the same amount', () => {
    expect(mapFocalY(1200, matchedAnchors(left, right))).toBe(1300);
  });

  it('passages in a different order in the other column are left out (no backwards jumps)', () => {
    const crossed = [
      { key: 'a', y: 300 },
      { key: 'b', y: 1200 },
      { key: 'c', y: 1000 },
    ];
    expect(matchedAnchors(left, crossed)).toEqual([
      [100, 300],
      [500, 1200],
    ]);
  });

  it('a column sharing nothing with the driver just follows its movement', () => {
    expect(syncedScrollTop({ anchors: left, scrollTop: 420, focalOffset: 200 }, { anchors: [{ key: 'z', y: 10 }] })).toBe(420);
  });

  it('with a selected passage in both, keeps that one level wherever it is', () => {
    // b sits 200 px lower in the right column: the right column stays 200 px further down.
    expect(syncedScrollTop({ anchors: left, scrollTop: 900, focalOffset: 300, alignKey: 'b' }, { anchors: right })).toBe(1100);
    expect(syncedScrollTop({ anchors: left, scrollTop: 0, focalOffset: 300, alignKey: 'b' }, { anchors: right })).toBe(200);
    // Not in the other column: the shared passages as usual.
    expect(syncedScrollTop({ anchors: left, scrollTop: 300, focalOffset: 200, alignKey: 'x' }, { anchors: right })).toBe(500);
  });

  it('never scrolls above the top', () => {
    expect(syncedScrollTop({ anchors: [{ key: 'a', y: 100 }], scrollTop: 0, focalOffset: 100 }, { anchors: [{ key: 'a', y: 50 }] })).toBe(0);
  });
});
