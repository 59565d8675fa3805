import { describe, expect, it } from 'vitest';
import { hoverCardPlace } from './hoverCardPlace';

// The text column spans 104–816 px; the annotation panel starts at 937 px of a 1280 px window.
const COLUMN = { left: 104, right: 816 };

describe('hoverCardPlace', () => {
  it('a highlight near the text column’s right edge: the card ends at the column’s edge, not over the panel beside it', () => {
    expect(hoverCardPlace(670, 320, COLUMN, 1280)).toEqual({ left: 496, maxWidth: 320 });
    // A short card moves only as far as it must.
    expect(hoverCardPlace(670, 174, COLUMN, 1280)).toEqual({ left: 642, maxWidth: 320 });
  });

  it('sits under the highlight when there is room, and is narrower in a narrow column', () => {
    expect(hoverCardPlace(200, 320, COLUMN, 1280)).toEqual({ left: 200, maxWidth: 320 });
    expect(hoverCardPlace(300, 320, { left: 20, right: 260 }, 900)).toEqual({ left: 20, maxWidth: 240 });
  });
});
