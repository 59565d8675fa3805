import { describe, expect, it } from 'vitest';
import { ALL_LAYERS_SHOWN, parseCompareLayers } from './compareLayers';

describe('parseCompareLayers', () => {
  it('shows every layer on a first visit', () => {
    expect(parseCompareLayers(null)).toEqual(ALL_LAYERS_SHOWN);
  });

  it('remembers the layers that were hidden', () => {
    const hidden = { suggestions: false, sharedPassages: true, groups: false };
    expect(parseCompareLayers(JSON.stringify(hidden))).toEqual(hidden);
  });

  it('shows a layer whose stored value is unreadable, and ignores a damaged value', () => {
    expect(parseCompareLayers('{"suggestions": "no", "groups": false}')).toEqual({ suggestions: true, sharedPassages: true, groups: false });
    expect(parseCompareLayers('{not json')).toEqual(ALL_LAYERS_SHOWN);
    expect(parseCompareLayers('[false]')).toEqual(ALL_LAYERS_SHOWN);
  });
});
