import { describe, expect, it } from 'vitest';
import type { Annotation, ArticleMeta } from '../../shared/model/model';
import { creditsAnyone } from './creditsAnyone';

const annotation = (tagId: string, attributes: Annotation['attributes']) => ({ tagId, attributes }) as Annotation;

function library(files: { annotations: Annotation[]; unanchored?: Annotation[] }[]) {
  return {
    articles: () => files.map((_, i) => ({ id: `a${i}` }) as ArticleMeta),
    readAnnotationFileNow: (id: string) => {
      const f = files[Number(id.slice(1))]!;
      return { annotations: f.annotations, unanchored: f.unanchored ?? [] } as unknown as ReturnType<Parameters<typeof creditsAnyone>[0]['readAnnotationFileNow']>;
    },
  };
}

describe('creditsAnyone', () => {
  it('is false for a library whose annotations name no speaker or source, true once one does', async () => {
    const none = [{ annotations: [annotation('claim', {}), annotation('quote', { speaker: '  ' }), annotation('quote', { form: 'direct' })] }];
    expect(await creditsAnyone(library(none))).toBe(false);
    expect(await creditsAnyone(library([...none, { annotations: [annotation('quote', { speaker: 'Boris Bondarev' })] }]))).toBe(true);
    expect(await creditsAnyone(library([{ annotations: [annotation('source', { name: 'Reuters' })] }]))).toBe(true);
    // A name attribute credits only on a Source.
    expect(await creditsAnyone(library([{ annotations: [annotation('claim', { name: 'Reuters' })] }]))).toBe(false);
    expect(await creditsAnyone(library([{ annotations: [], unanchored: [annotation('quote', { speaker: 'Putin' })] }]))).toBe(true);
  });
});
