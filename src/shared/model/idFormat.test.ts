import { describe, expect, it } from 'vitest';
import { isAnnotationId, isArticleId } from './idFormat';
import { AnnotationSchema, ArticleIdSchema } from './model';

describe('idFormat', () => {
  it('accepts exactly the ids the schemas accept', () => {
    const samples = ['002_38b56a2e379d189f', 'a.b-c_d', '', 'with space', 'slash/no', 'é', 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(200), 'x'.repeat(201), '../up'];
    for (const id of samples) {
      expect(isArticleId(id), id).toBe(ArticleIdSchema.safeParse(id).success);
      expect(isAnnotationId(id), id).toBe(AnnotationSchema.shape.id.safeParse(id).success);
    }
  });
});
