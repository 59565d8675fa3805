import { describe, expect, it } from 'vitest';
import { coderColour, textOn } from './coderColour';

describe('coderColour', () => {
  it('keeps a chosen colour, else gives a name the same colour every time', () => {
    expect(coderColour('Anna', '#aa3300')).toBe('#aa3300');
    expect(coderColour('Anna', null)).toBe(coderColour('Anna'));
    expect(coderColour('Anna', 'red')).toMatch(/^#[0-9a-f]{6}$/);
    const colours = new Set(['Anna', 'Bo', 'Cleo', 'Dan', 'Eve', 'Finn'].map((n) => coderColour(n)));
    expect(colours.size).toBeGreaterThan(2);
  });
});

describe('textOn', () => {
  it('puts white on dark colours and black on light ones', () => {
    expect(textOn('#1f6f8b')).toBe('#fff');
    expect(textOn('#ffee88')).toBe('#000');
    expect(textOn('#ffffff')).toBe('#000');
  });
});
