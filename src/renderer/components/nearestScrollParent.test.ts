/** nearestScrollParent: finds the ancestor that scrolls a list, else the fallback. */
import { describe, expect, it } from 'vitest';
import { nearestScrollParent } from './nearestScrollParent';

interface FakeEl {
  name: string;
  overflow: string;
  parentElement: FakeEl | null;
}

function chain(...levels: [string, string][]): FakeEl {
  let parent: FakeEl | null = null;
  for (const [name, overflow] of levels) parent = { name, overflow, parentElement: parent };
  return parent!;
}

const overflowOf = (e: FakeEl): string => e.overflow;
const page: FakeEl = { name: 'page', overflow: 'visible', parentElement: null };

describe('nearestScrollParent', () => {
  it('returns the nearest ancestor that scrolls, not a farther one', () => {
    const list = chain(['main', 'auto'], ['side', 'scroll'], ['div', 'visible'], ['tbody', 'visible']);
    expect(nearestScrollParent(list, overflowOf, page)?.name).toBe('side');
  });

  it('skips the element itself and hidden overflow', () => {
    const list = chain(['main', 'auto'], ['clip', 'hidden'], ['list', 'auto']);
    expect(nearestScrollParent(list, overflowOf, page)?.name).toBe('main');
  });

  it('falls back to the page when nothing scrolls, or when there is no element yet', () => {
    expect(nearestScrollParent(chain(['a', 'visible'], ['b', 'visible']), overflowOf, page)).toBe(page);
    expect(nearestScrollParent(null, overflowOf, page)).toBe(page);
  });
});
