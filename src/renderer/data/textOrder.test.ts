import { describe, it, expect } from 'vitest';
import { textOrder } from './textOrder';

describe('textOrder', () => {
  it('orders annotations by where they start in the text', () => {
    const list = [
      { id: 'c', start: 40, end: 50 },
      { id: 'a', start: 0, end: 5 },
      { id: 'b', start: 10, end: 12 },
    ];
    expect(textOrder(list).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts the shorter of two annotations starting together first, then orders by id', () => {
    const list = [
      { id: 'long', start: 3, end: 30 },
      { id: 'z', start: 3, end: 8 },
      { id: 'y', start: 3, end: 8 },
    ];
    expect(textOrder(list).map((a) => a.id)).toEqual(['y', 'z', 'long']);
  });

  it('leaves the input array as it was', () => {
    const list = [
      { id: 'b', start: 9, end: 10 },
      { id: 'a', start: 1, end: 2 },
    ];
    textOrder(list);
    expect(list.map((a) => a.id)).toEqual(['b', 'a']);
  });
});
