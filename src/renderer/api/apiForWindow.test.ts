import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/methodNames';
import { apiForWindow } from './apiForWindow';
import type { DesktopBridge } from './desktopBridge';

const noStorage = { getItem: () => null, setItem: () => undefined };

describe('apiForWindow', () => {
  it('uses the desktop bridge when the preload exposed one, and makes no HTTP call', async () => {
    const bridge = Object.fromEntries(
      methodNames.map((m) => [m, async () => ({ ok: true, value: `bridge:${m}` })]),
    ) as unknown as DesktopBridge;
    const fetch = (async () => {
      throw new Error('no HTTP in the desktop app');
    }) as typeof globalThis.fetch;
    const api = apiForWindow({ triangulate: bridge, location: { hash: '', origin: 'app://triangulate' }, sessionStorage: noStorage, fetch });
    await expect(api.getCodebook({})).resolves.toBe('bridge:getCodebook');
  });

  it('otherwise calls the page’s own host with the token from the fragment', async () => {
    const seen: { url: string; token: string }[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), token: (init?.headers as Record<string, string>)['X-Triangulate-Token']! });
      return new Response(JSON.stringify({ ok: true, value: [] }));
    }) as typeof globalThis.fetch;
    const api = apiForWindow({
      location: { hash: '#token=s3cret', origin: 'http://127.0.0.1:5399' },
      sessionStorage: noStorage,
      fetch,
    });
    await expect(api.listArticles({})).resolves.toEqual([]);
    expect(seen).toEqual([{ url: 'http://127.0.0.1:5399/api/listArticles', token: 's3cret' }]);
  });
});
