import { describe, expect, it } from 'vitest';
import { agreementFileName, coefficient, percent } from './agreementFigures';

describe('agreement figures as the screen writes them', () => {
  it('writes coefficients to three decimals without a leading zero, undefined as a dash', () => {
    expect(coefficient(0.8123)).toBe('.812');
    expect(coefficient(1)).toBe('1.000');
    expect(coefficient(-0.1044)).toBe('−.104');
    expect(coefficient(-0.0001)).toBe('.000');
    expect(coefficient(null)).toBe('–');
  });
  it('writes percentages to one decimal', () => {
    expect(percent(87.25)).toBe('87.3 %');
    expect(percent(null)).toBe('–');
  });
  it('names the export files by date', () => {
    expect(agreementFileName('2026-12-06', 'csv')).toBe('triangulate-agreement-2026-12-06.csv');
  });
});
