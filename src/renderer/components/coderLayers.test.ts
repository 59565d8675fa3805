import { describe, expect, it } from 'vitest';
import { testAnnotation } from '../../../tools/testSupport/testAnnotation';
import type { Annotation } from '../../shared/model/model';
import { coderBadges, coderLayerAnnotations } from './coderLayers';

const ann = (id: string, creator: string, tagId: string, start: number, end: number): Annotation => testAnnotation({ id, articleId: 'a', creator, tagId, start, end });

const list = [ann('1', 'ana', 'quote', 0, 10), ann('2', 'bo', 'quote', 0, 10), ann('3', 'bo', 'claim', 20, 30), ann('4', 'cy', 'quote', 0, 10)];

describe('coder layers', () => {
  it('shows everyone’s, mine, one other coder’s, or only the disagreements', () => {
    const ids = (layer: string) => coderLayerAnnotations(list, layer, 'ana').map((a) => a.id);
    expect(ids('all')).toEqual(['1', '2', '3', '4']);
    expect(ids('mine')).toEqual(['1']);
    expect(ids('coder:bo')).toEqual(['2', '3']);
    expect(ids('disagreements')).toEqual(['3']);
  });

  it('gives each coder a colour and initials once two or more coded the article, mine as I chose them', () => {
    expect(coderBadges(['ana'], null)).toBeUndefined();
    const badges = coderBadges(['ana', 'bo'], { name: 'ana', initials: 'AX', colour: '#123456' })!;
    expect(badges.get('ana')).toEqual({ colour: '#123456', initials: 'AX' });
    expect(badges.get('bo')!.initials).toBe('BO');
    expect(badges.get('bo')!.colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});
