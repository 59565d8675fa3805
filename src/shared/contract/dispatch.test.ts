import { describe, expect, it } from 'vitest';
import { ApiError } from './apiError';
import type { TriangulateApi } from './contract';
import { dispatch } from './dispatch';

/** A fake API that records what it was called with; methods can be replaced per test. */
function fakeApi(overrides: Partial<TriangulateApi> = {}): { api: TriangulateApi; calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const record =
    (name: string, result: unknown) =>
    async (input: unknown): Promise<never> => {
      calls.push([name, input]);
      return result as never;
    };
  const api = {
    listArticles: record('listArticles', []),
    getArticle: record('getArticle', { id: 'a' }),
    getCodebook: record('getCodebook', []),
    listAnnotations: record('listAnnotations', []),
    createAnnotation: record('createAnnotation', { id: 'new' }),
    updateAnnotation: record('updateAnnotation', {}),
    deleteAnnotation: record('deleteAnnotation', { deleted: true }),
    exportW3C: record('exportW3C', {}),
    ...overrides,
  } as TriangulateApi;
  return { api, calls };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('dispatch', () => {
  it('calls the named method with the validated payload and returns its result', async () => {
    const { api, calls } = fakeApi();
    const payload = { articleId: 'a1', tagId: 'quote', start: 3, end: 9 };
    await expect(dispatch(api, 'createAnnotation', payload)).resolves.toEqual({ id: 'new' });
    expect(calls).toEqual([['createAnnotation', payload]]);
  });

  it('treats a missing payload as an empty one for methods without arguments', async () => {
    const { api, calls } = fakeApi();
    await dispatch(api, 'listArticles', undefined);
    expect(calls).toEqual([['listArticles', {}]]);
  });

  it('rejects an unknown method, including names inherited from Object', async () => {
    const { api, calls } = fakeApi();
    for (const name of ['dropEverything', 'toString', '__proto__', 'constructor']) {
      const error = await failure(dispatch(api, name, {}));
      expect(error.code).toBe('unknown_method');
      expect(error.message).toContain(name);
    }
    expect(calls).toEqual([]);
  });

  it('rejects invalid input with the paths of every problem, without calling the method', async () => {
    const { api, calls } = fakeApi();
    const error = await failure(dispatch(api, 'createAnnotation', { articleId: 'a1', tagId: '', start: -1, end: 4 }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^Invalid input for createAnnotation: /);
    expect(error.message).toMatch(/tagId: /);
    expect(error.message).toMatch(/start: /);
    expect(calls).toEqual([]);
  });

  it('rejects unexpected fields and non-object payloads', async () => {
    const { api } = fakeApi();
    const extra = await failure(dispatch(api, 'getArticle', { id: 'a', admin: true }));
    expect(extra.code).toBe('invalid_input');
    expect(extra.message).toContain('admin');
    expect((await failure(dispatch(api, 'getArticle', 'a'))).code).toBe('invalid_input');
    expect((await failure(dispatch(api, 'getArticle', null))).code).toBe('invalid_input');
  });

  it('rejects a selection whose start is not before its end', async () => {
    const { api } = fakeApi();
    const error = await failure(dispatch(api, 'createAnnotation', { articleId: 'a', tagId: 'claim', start: 5, end: 5 }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('start must be before end');
  });

  it('passes an ApiError from the method through unchanged', async () => {
    const { api } = fakeApi({
      getArticle: async () => {
        throw new ApiError('not_found', 'There is no article with id "x".');
      },
    });
    const error = await failure(dispatch(api, 'getArticle', { id: 'x' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('There is no article with id "x".');
  });

  it('keeps the code of an ApiError thrown by another copy of the class', async () => {
    const foreign = Object.assign(new Error('index.json is broken'), { name: 'ApiError', code: 'corrupt_data' });
    const { api } = fakeApi({
      listArticles: async () => {
        throw foreign;
      },
    });
    const error = await failure(dispatch(api, 'listArticles', {}));
    expect(error.code).toBe('corrupt_data');
    expect(error.message).toBe('index.json is broken');
  });

  it('turns any other failure into an internal ApiError with its message', async () => {
    const { api } = fakeApi({
      exportW3C: async () => {
        throw new TypeError('boom');
      },
      getCodebook: () => Promise.reject('plain string'),
    });
    const typeError = await failure(dispatch(api, 'exportW3C', {}));
    expect(typeError.code).toBe('internal');
    expect(typeError.message).toBe('boom');
    const plain = await failure(dispatch(api, 'getCodebook', {}));
    expect(plain.code).toBe('internal');
    expect(plain.message).toBe('plain string');
  });
});
