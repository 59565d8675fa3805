import { describe, expect, it } from 'vitest';
import { isAnnotationId, isArticleId, isSafeId } from './idFormat';
import { AnnotationSchema, ArticleIdSchema, AttributeDefSchema, TagIdSchema } from './model';
import { GroupSchema } from '../crossArticle/crossArticle';

const SAMPLES = [
  '002_38b56a2e379d189f', 'a.b-c_d', 'quote:12:40', '', 'with space', 'slash/no', 'é', 'x'.repeat(64), 'x'.repeat(65),
  'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(200), 'x'.repeat(201), '../up', '__proto__', 'constructor', 'prototype',
  'nul\u0000', 'quote"d', '<b>',
];

describe('idFormat', () => {
  it('accepts exactly the ids the schemas accept', () => {
    for (const id of SAMPLES) {
      expect(isArticleId(id), id).toBe(ArticleIdSchema.safeParse(id).success);
      expect(isAnnotationId(id), id).toBe(AnnotationSchema.shape.id.safeParse(id).success);
      expect(isSafeId(id, 64), id).toBe(TagIdSchema.safeParse(id).success);
      expect(isSafeId(id, 100), id).toBe(GroupSchema.shape.id.safeParse(id).success);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as any kind of id', (id) => {
    expect(isArticleId(id)).toBe(false);
    expect(isAnnotationId(id)).toBe(false);
    expect(TagIdSchema.safeParse(id).success).toBe(false);
    expect(AttributeDefSchema.shape.id.safeParse(id).success).toBe(false);
    expect(AnnotationSchema.shape.tagId.safeParse(id).success).toBe(false);
  });
});
