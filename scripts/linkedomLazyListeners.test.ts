import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyListenerSource } from './linkedomLazyListeners';

const require = createRequire(import.meta.url);
const SOURCE = readFileSync(join(dirname(require.resolve('linkedom/package.json')), 'esm', 'interface', 'event-target.js'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'lazy-listeners-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Target {
  addEventListener(type: string, listener: (event: unknown) => void, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
  dispatchEvent(event: unknown): boolean;
}

/** The installed linkedom's EventTarget as the build changes it. */
async function changedEventTarget(): Promise<new () => Target> {
  const file = join(dir, 'event-target.mjs');
  writeFileSync(file, lazyListenerSource(SOURCE));
  return ((await import(pathToFileURL(file).href)) as { EventTarget: new () => Target }).EventTarget;
}

describe('linkedomLazyListeners', () => {
  it('applies to the installed linkedom: no listener Map is made for a node until a listener is added', () => {
    const changed = lazyListenerSource(SOURCE);
    expect(SOURCE).toContain('wm.set(this, new Map);\n  }');
    expect(changed).not.toContain('wm.set(this, new Map);\n  }');
    expect(changed).toContain('if (!map) wm.set(this, map = new Map);');
  });

  it('still calls listeners, once-listeners once, and removes them; a node without listeners can be dispatched to and removed from', async () => {
    const EventTarget = await changedEventTarget();
    const { Event } = await import('linkedom');
    const target = new EventTarget();
    const calls: string[] = [];
    const always = (): void => void calls.push('always');
    target.addEventListener('ping', always);
    target.addEventListener('ping', () => calls.push('once'), { once: true });
    target.dispatchEvent(new Event('ping'));
    target.dispatchEvent(new Event('ping'));
    target.removeEventListener('ping', always);
    target.dispatchEvent(new Event('ping'));
    expect(calls).toEqual(['always', 'once', 'always']);
    const quiet = new EventTarget();
    expect(() => quiet.removeEventListener('ping', always)).not.toThrow();
    expect(quiet.dispatchEvent(new Event('ping'))).toBe(true);
  });

  it('stops the build when linkedom’s code is no longer what it expects', () => {
    expect(() => lazyListenerSource(SOURCE.replace('wm.set(this, new Map);', 'this.listeners = new Map;'))).toThrow(/event-target\.js has changed/);
  });
});
