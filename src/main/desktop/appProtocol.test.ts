import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../rendererFiles/contentSecurityPolicy';
import { createAppProtocolHandler, handleAppProtocol, registerAppScheme } from './appProtocol';

let base: string;
let handler: (request: Request) => Promise<Response>;
const get = (url: string) => handler({ url, method: 'GET' } as Request);

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'triangulate-app-'));
  mkdirSync(join(base, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html><title>Triangulate</title>');
  writeFileSync(join(base, 'renderer', 'assets', 'main.css'), 'body{}');
  writeFileSync(join(base, 'secret.json'), '{"secret":true}');
  handler = createAppProtocolHandler(join(base, 'renderer'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) } as Pick<Protocol, 'registerSchemesAsPrivileged'>);
    expect(registered).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
  });

  it('handles the app scheme with a handler that serves the renderer', async () => {
    const handled: string[] = [];
    handleAppProtocol({ handle: (scheme: string) => void handled.push(scheme) } as unknown as Pick<Protocol, 'handle'>, base);
    expect(handled).toEqual(['app']);
  });

  it('serves index.html with the same CSP as the browser host', async () => {
    const response = await get('app://triangulate/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Triangulate</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves / as index.html and assets with their type', async () => {
    expect(await (await get('app://triangulate/')).text()).toContain('Triangulate');
    expect((await get('app://triangulate/assets/main.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it.each([
    'app://triangulate/%2e%2e/secret.json',
    'app://triangulate/..%2fsecret.json',
    'app://triangulate/assets/..%2f..%2fsecret.json',
    'app://triangulate/%2E%2E%5Csecret.json',
    'app://other/index.html',
  ])('serves nothing outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });
});
