import { describe, expect, it } from 'vitest';
import { ipcChannel, methodNames } from '../shared/contract/methodNames';
import { createBridge } from './createBridge';

describe('createBridge', () => {
  it('has exactly one function per contract method', () => {
    const bridge = createBridge(async () => null);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) expect(typeof bridge[method]).toBe('function');
  });

  it('sends each method’s input on that method’s IPC channel and returns the envelope', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBridge(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: channel };
    });
    for (const method of methodNames) {
      const input = { probe: method };
      await expect(bridge[method](input)).resolves.toEqual({ ok: true, value: ipcChannel(method) });
      expect(calls.at(-1)).toEqual([ipcChannel(method), input]);
    }
    expect(calls).toHaveLength(methodNames.length);
  });
});
