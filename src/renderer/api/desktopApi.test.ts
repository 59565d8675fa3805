import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { type MethodName } from '../../shared/contract/contract';
import { methodNames } from '../../shared/contract/methodNames';
import { createDesktopApi } from './desktopApi';
import type { ApiEnvelope, DesktopBridge } from './desktopBridge';

function fakeBridge(answer: (method: MethodName, input: unknown) => Promise<ApiEnvelope>): DesktopBridge {
  return Object.fromEntries(methodNames.map((m) => [m, (input: unknown) => answer(m, input)])) as DesktopBridge;
}

describe('createDesktopApi', () => {
  it('passes the input to the bridge method of the same name and returns the value', async () => {
    const api = createDesktopApi(fakeBridge(async (method, input) => ({ ok: true, value: { method, input } })));
    await expect(api.listAnnotations({ articleId: 'a1' })).resolves.toEqual({
      method: 'listAnnotations',
      input: { articleId: 'a1' },
    });
  });

  it('throws the envelope’s error as an ApiError', async () => {
    const api = createDesktopApi(
      fakeBridge(async () => ({ ok: false, error: { code: 'not_found', message: 'No annotation "n1" in article "a1".' } })),
    );
    const error = await api.deleteAnnotation({ articleId: 'a1', id: 'n1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No annotation "n1" in article "a1".' });
  });

  it('turns a failed IPC call into an ApiError naming the method', async () => {
    const api = createDesktopApi(
      fakeBridge(async () => {
        throw new Error("No handler registered for 'triangulate:exportW3C'");
      }),
    );
    await expect(api.exportW3C({})).rejects.toMatchObject({ code: 'internal', message: /did not answer exportW3C/ });
  });

  it('sends the imports of whole files (importW3C, importArticles) as the bytes of their JSON, other calls as values', async () => {
    const sent: [MethodName, unknown][] = [];
    const api = createDesktopApi(fakeBridge(async (method, input) => (sent.push([method, input]), { ok: true, value: null })));
    const collection = { type: 'AnnotationCollection', items: [{ id: 'x' }] };
    await api.importW3C({ collection, dryRun: true });
    await api.importArticles({ files: [{ name: 'a.txt', data: 'QQ==' }] });
    await api.listArticles({});
    expect(sent[0]![1]).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(new TextDecoder().decode(sent[0]![1] as Uint8Array))).toEqual({ collection, dryRun: true });
    expect(JSON.parse(new TextDecoder().decode(sent[1]![1] as Uint8Array))).toEqual({ files: [{ name: 'a.txt', data: 'QQ==' }] });
    expect(sent[2]).toEqual(['listArticles', {}]);
  });
});
