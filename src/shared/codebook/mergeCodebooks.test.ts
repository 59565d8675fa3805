import { describe, expect, it } from 'vitest';
import { mergeCodebooks } from './mergeCodebooks';
import { DEFAULT_CODEBOOK, type Tag } from '../model/model';

const tag = (id: string, name: string, key: number | null): Tag => ({ id, name, color: '#123456', key, description: '', attributes: [] });

describe('mergeCodebooks', () => {
  it('puts the file first, replaces same ids, keeps the others after', () => {
    const mine = [...DEFAULT_CODEBOOK, tag('mine', 'Mine', 4)];
    const file = [{ ...DEFAULT_CODEBOOK[1]!, name: 'Quotation' }, tag('figure', 'Figure', 5)];
    const result = mergeCodebooks(mine, file);
    if (!result.ok) throw new Error(result.message);
    expect(result.tags.map((t) => t.id)).toEqual(['quote', 'figure', 'claim', 'source', 'mine']);
    expect(result.tags[0]!.name).toBe('Quotation');
    expect(result).toMatchObject({ added: 1, updated: 1, kept: 3 });
  });

  it('takes a kept tag\'s key away when the file uses it', () => {
    const result = mergeCodebooks(DEFAULT_CODEBOOK, [tag('figure', 'Figure', 1)]);
    if (!result.ok) throw new Error(result.message);
    expect(result.tags.find((t) => t.id === 'figure')!.key).toBe(1);
    expect(result.tags.find((t) => t.id === 'claim')!.key).toBeNull();
  });

  it('refuses when a kept tag has the name of a different tag in the file', () => {
    expect(mergeCodebooks(DEFAULT_CODEBOOK, [tag('claim-2', 'claim', 7)])).toEqual({
      ok: false,
      message: 'The file\'s tag "claim" (id "claim-2") has the name of your tag "Claim" (id "claim"); rename or delete yours first.',
    });
  });
});
