import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { methodNames } from '../../shared/contract/methodNames';
import { createHttpApi } from './httpApi';

interface Sent {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
}

function recordingFetch(reply: (sent: Sent) => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const s: Sent = {
      url: String(input),
      method: init?.method,
      headers: init?.headers as Record<string, string>,
      body: JSON.parse(String(init?.body)),
    };
    sent.push(s);
    return reply(s);
  }) as typeof fetch;
  return { fetch: fake, sent };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpApi', () => {
  it('posts each method’s input to /api/<method> with the token and returns the value', async () => {
    const { fetch, sent } = recordingFetch((s) => json(200, { ok: true, value: { echoed: s.url } }));
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:5399/', token: 'tok', fetch });

    await expect(api.getArticle({ id: 'a1' })).resolves.toEqual({ echoed: 'http://127.0.0.1:5399/api/getArticle' });
    expect(sent[0]).toEqual({
      url: 'http://127.0.0.1:5399/api/getArticle',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Triangulate-Token': 'tok' },
      body: { id: 'a1' },
    });
  });

  it('offers every contract method', async () => {
    const { fetch, sent } = recordingFetch(() => json(200, { ok: true, value: null }));
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:1', token: 't', fetch });
    for (const method of methodNames) await (api[method] as (i: unknown) => Promise<unknown>)({});
    expect(sent.map((s) => s.url.split('/api/')[1])).toEqual(methodNames);
  });

  it('rebuilds the host’s error as an ApiError with its code and message', async () => {
    const { fetch } = recordingFetch(() =>
      json(400, { ok: false, error: { code: 'invalid_input', message: 'Invalid input for getArticle: id: too long' } }),
    );
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:1', token: 't', fetch });
    const error = await api.getArticle({ id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Invalid input for getArticle: id: too long' });
  });

  it('says the host cannot be reached when the connection fails', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:1', token: 't', fetch });
    await expect(api.listArticles({})).rejects.toMatchObject({ code: 'internal', message: /Cannot reach the Triangulate host/ });
  });

  it('reports an answer that is not an envelope instead of returning it', async () => {
    const { fetch } = recordingFetch(() => new Response('<html>proxy error</html>', { status: 502 }));
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:1', token: 't', fetch });
    await expect(api.listArticles({})).rejects.toMatchObject({ code: 'internal', message: /HTTP 502/ });
  });
});
