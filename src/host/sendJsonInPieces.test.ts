import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonParts } from './sendJsonInPieces';

const joined = async (value: unknown, sliceItems?: number): Promise<string> => {
  let text = '';
  for await (const part of jsonParts(value, sliceItems)) text += part;
  return text;
};

describe('jsonParts', () => {
  it('writes what JSON.stringify writes, long arrays a slice at a time', async () => {
    const report = {
      annotationsImported: 2,
      problems: Array.from({ length: 2_345 }, (_, i) => `item ${i}: names "https://example.org/${i}", which is not in this library, and no article holds its quote "é ${'\u2028'} \u{1F600}"`),
      notes: [],
      left: undefined,
      when: new Date(Date.UTC(2024, 0, 1)),
      nested: { rows: Array.from({ length: 2_001 }, (_, i) => ({ i, gone: undefined, list: [undefined, i] })) },
    };
    const envelope = { ok: true, value: report };
    expect(await joined(envelope)).toBe(JSON.stringify(envelope));
    expect(JSON.parse(await joined(envelope))).toEqual(JSON.parse(JSON.stringify(envelope)));
  });

  it('gives the bytes of JSON.stringify for any JSON value, sliced or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.integer({ min: 1, max: 4 }), async (value, sliceItems) => {
        expect(await joined(value, sliceItems)).toBe(JSON.stringify(value));
      }),
      { numRuns: 200 },
    );
  });
});
