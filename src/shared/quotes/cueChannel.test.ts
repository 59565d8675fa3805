import { describe, expect, it } from 'vitest';
import { cueChannel } from './cueChannel';

describe('cueChannel', () => {
  it('names whom it was told to', () => {
    expect(cueChannel('told Reuters')).toBe('Reuters');
    expect(cueChannel('told the AP')).toBe('the AP');
    expect(cueChannel('told The Daily Ledger')).toBe('The Daily Ledger');
  });

  it('names where it was written or posted', () => {
    expect(cueChannel('wrote in an email')).toBe('email');
    expect(cueChannel('continued in the letter')).toBe('letter');
    expect(cueChannel('posted on LinkedIn')).toBe('LinkedIn');
  });

  it('names the outlet an interview or a message went to, and drops a possessive', () => {
    expect(cueChannel('said in an interview with CNN')).toBe('CNN');
    expect(cueChannel('said in an email to The Daily Ledger')).toBe('The Daily Ledger');
    expect(cueChannel('told the BBC’s')).toBe('the BBC');
    expect(cueChannel('said on Fox News Sunday')).toBe('Fox News Sunday');
  });

  it('names nothing for a bare verb or told reporters', () => {
    expect(cueChannel('said')).toBeNull();
    expect(cueChannel('told reporters')).toBeNull();
    expect(cueChannel(null)).toBeNull();
  });
});
