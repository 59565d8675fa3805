/**
 * Background work gives way to the calls in flight: ForegroundGate.idle waits
 * for them (at most maxWaitMs), and the start's check of the counts started
 * in the background (countsSoFar) counts nothing while a call runs, and goes
 * on when it ends. A call that waits for the check itself is not held up.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CountsIndex, type Recount } from './countsIndex';
import { ForegroundGate } from './foregroundGate';

let dir = '';
afterEach(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ForegroundGate', () => {
  it('is idle at once with no call in flight, waits for a call in flight, and waits no longer than its limit', async () => {
    const gate = new ForegroundGate();
    await gate.idle();
    let release!: () => void;
    const call = gate.run(() => new Promise<string>((resolve) => (release = () => resolve('answer'))));
    let idle = false;
    const waiting = gate.idle(60_000).then(() => (idle = true));
    await later(30);
    expect(idle).toBe(false);
    release();
    expect(await call).toBe('answer');
    await waiting;
    expect(idle).toBe(true);

    const long = gate.run(() => later(2_000));
    const started = performance.now();
    await gate.idle(50);
    expect(performance.now() - started).toBeLessThan(1_500);
    await long;
  });

  it('holds the background check of the counts while a call runs, and lets a call that needs the counts have them', async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-gate-'));
    const gate = new ForegroundGate();
    const index = new CountsIndex(dir, { annotationPath: (id) => join(dir, `${id}.json`), delayMs: 60_000, foreground: gate });
    const ids = Array.from({ length: 5 }, (_, i) => `a${i}`);
    const counted: string[] = [];
    const recount: Recount = async (id) => {
      counted.push(id);
      return { file: 'none', counts: { quote: 1 }, coders: { ana: 1 }, credits: [] };
    };
    let release!: () => void;
    const call = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    expect(index.countsSoFar(ids, recount).pending).toBe(5);
    await later(100);
    expect(counted).toEqual([]);
    // A call that needs the counts while another still runs: the check stops giving way and answers it.
    const asked = performance.now();
    const needsCounts = gate.run(() => index.counts(ids, recount));
    await expect(needsCounts).resolves.toHaveProperty('size', 5);
    // At once, not when the gate's longest wait (a second) runs out.
    expect(performance.now() - asked).toBeLessThan(500);
    expect(counted).toEqual(ids);
    release();
    await call;
    index.stop();
  });

  it('once closed, lets the background work waiting for a call in flight go on at once, and no longer holds any', async () => {
    const gate = new ForegroundGate();
    let release!: () => void;
    const call = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    let waited = false;
    const waiting = gate.idle(60_000).then(() => (waited = true));
    await later(20);
    expect(waited).toBe(false);
    gate.close();
    await waiting;
    expect(waited).toBe(true);
    await gate.idle(60_000); // the call still runs: not waited for after close
    release();
    await call;
  });
});
