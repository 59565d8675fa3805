/**
 * A build-time change to linkedom (bundled into the import worker's chunk, see electron.vite.config.ts): every
 * node it makes (element, text, attribute) gave itself an empty listener Map in a WeakMap in EventTarget's
 * constructor. The import's DOMs have tens of thousands of nodes a page and never a listener: those entries
 * were ~8 % of the import worker's CPU and much of its garbage collection (a WeakMap's entries are ephemerons,
 * costly for the collector). The Map is now made by the first addEventListener instead; events are dispatched
 * and listeners removed as before (see linkedomLazyListeners.test.ts). A linkedom whose code no longer reads
 * as expected stops the build, so the change is never silently lost.
 */
import type { Plugin } from 'vite';

/** linkedom's EventTarget, the one module changed. */
const EVENT_TARGET = /[\\/]linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/;

const REPLACEMENTS: [from: string, to: string][] = [
  ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {\n  }'],
  [
    '  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n',
    '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n',
  ],
  ['  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {', '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {'],
];

/** linkedom's event-target.js with listener Maps made on first use; throws when its code is not what it expects. */
export function lazyListenerSource(source: string): string {
  let changed = source.replace(/\r\n/g, '\n');
  for (const [from, to] of REPLACEMENTS) {
    if (!changed.includes(from)) {
      throw new Error(`linkedom's interface/event-target.js has changed (no "${from.split('\n')[0]!.trim()}" as expected): see scripts/linkedomLazyListeners.ts`);
    }
    changed = changed.replace(from, to);
  }
  return changed;
}

export function linkedomLazyListeners(): Plugin {
  return {
    name: 'triangulate-linkedom-lazy-listeners',
    transform(code, id) {
      return EVENT_TARGET.test(id.split('?')[0]!) ? { code: lazyListenerSource(code), map: null } : null;
    },
  };
}
