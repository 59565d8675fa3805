import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { buildAnnotation } from './buildAnnotation';

const TEXT = 'She said 🎯 twice.'; // the emoji takes offsets 9 and 10
const STAMP = { id: 'n1', creator: 'ana', stamp: '2024-01-01T00:00:00.000Z' };

function refusal(start: number, end: number): ApiError {
  try {
    buildAnnotation(TEXT, { articleId: 'a', tagId: 'quote', start, end }, STAMP);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('accepted');
}

/** No half of a surrogate pair on its own. */
const wellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('buildAnnotation', () => {
  it('refuses a range that starts or ends inside an emoji (offsets are refused, not snapped)', () => {
    expect(refusal(10, 15)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/9|10/) });
    expect(refusal(10, 15).message).toMatch(/starts inside a character of article "a" \(offset 10 splits/);
    expect(refusal(4, 10).message).toMatch(/ends inside a character .*offset 10/);
  });

  it('keeps a range over the whole emoji, with whole characters in its quote', () => {
    const a = buildAnnotation(TEXT, { articleId: 'a', tagId: 'quote', start: 9, end: 11 }, STAMP);
    expect(a.exact).toBe('🎯');
    expect(wellFormed(a.exact) && wellFormed(a.prefix) && wellFormed(a.suffix)).toBe(true);
  });
});
