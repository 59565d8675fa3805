import { describe, expect, it } from 'vitest';
import { carryAttributeValues, checkAttributeValues } from './checkAttributeValues';
import { DEFAULT_CODEBOOK, type Tag } from '../model/model';

const tag = (id: string): Tag => DEFAULT_CODEBOOK.find((t) => t.id === id)!;
const numbered: Tag = {
  id: 'figure',
  name: 'Figure',
  color: '#123456',
  key: 4,
  description: '',
  attributes: [{ id: 'value', name: 'Value', type: 'number', options: [] }],
};

describe('checkAttributeValues', () => {
  it('accepts values of the declared types and trims text', () => {
    expect(checkAttributeValues(tag('source'), { name: '  Reuters ', kind: 'wire agency', reached: 'phone' })).toEqual({
      ok: true,
      values: { name: 'Reuters', kind: 'wire agency', reached: 'phone' },
    });
    expect(checkAttributeValues(tag('claim'), { checkable: true })).toEqual({ ok: true, values: { checkable: true } });
    expect(checkAttributeValues(numbered, { value: 3.5 })).toEqual({ ok: true, values: { value: 3.5 } });
  });

  it('drops empty text and empty choices: no value is an absent value', () => {
    expect(checkAttributeValues(tag('quote'), { speaker: '   ', form: '' })).toEqual({ ok: true, values: {} });
  });

  it('names the attribute a tag does not declare', () => {
    const result = checkAttributeValues(tag('claim'), { speaker: 'Ana' });
    expect(result).toEqual({ ok: false, message: 'The tag "Claim" has no attribute "speaker".' });
  });

  it('refuses a choice outside the options and lists them', () => {
    const result = checkAttributeValues(tag('quote'), { form: 'paraphrase' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('direct, indirect');
  });

  it('refuses values of the wrong type', () => {
    expect(checkAttributeValues(tag('claim'), { checkable: 'yes' }).ok).toBe(false);
    expect(checkAttributeValues(tag('quote'), { speaker: 3 }).ok).toBe(false);
    expect(checkAttributeValues(numbered, { value: '3' }).ok).toBe(false);
    expect(checkAttributeValues(numbered, { value: Number.NaN }).ok).toBe(false);
  });
});

describe('carryAttributeValues', () => {
  it('keeps the values the new tag also declares with the same type, and drops the rest', () => {
    const target: Tag = { ...tag('source'), attributes: [...tag('source').attributes, { id: 'speaker', name: 'Speaker', type: 'text', options: [] }] };
    expect(carryAttributeValues(tag('quote'), target, { speaker: 'Ana', form: 'direct' })).toEqual({ speaker: 'Ana' });
    expect(carryAttributeValues(tag('quote'), tag('claim'), { speaker: 'Ana' })).toEqual({});
  });
});
