import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { attributeSummary } from './attributeSummary';

const [claim, quote] = DEFAULT_CODEBOOK;

describe('attributeSummary', () => {
  it('lists values in the tag\'s order, with yes / no for booleans', () => {
    expect(attributeSummary(quote!, { form: 'direct', speaker: 'Bondarev' })).toBe('Speaker: Bondarev · Direct or indirect: direct');
    expect(attributeSummary(claim!, { checkable: false })).toBe('Checkable: no');
  });
  it('leaves out values the tag does not declare, and is empty without values', () => {
    expect(attributeSummary(claim!, { speaker: 'x' })).toBe('');
    expect(attributeSummary(claim!, {})).toBe('');
  });
});
