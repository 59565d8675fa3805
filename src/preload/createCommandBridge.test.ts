import { describe, expect, it } from 'vitest';
import { APP_COMMAND_CHANNEL } from '../shared/contract/appCommandNames';
import { createCommandBridge } from './createCommandBridge';

function fakeChannel() {
  const listeners = new Map<string, Set<(message: unknown) => void>>();
  return {
    subscribe(channel: string, listener: (message: unknown) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => void set.delete(listener);
    },
    send(channel: string, message: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener(message);
    },
  };
}

describe('createCommandBridge', () => {
  it('passes the menu’s commands to the listener, and nothing after unsubscribing', () => {
    const channel = fakeChannel();
    const bridge = createCommandBridge(channel.subscribe);
    const got: string[] = [];
    const stop = bridge.onCommand((command) => got.push(command));
    channel.send(APP_COMMAND_CHANNEL, 'undo');
    channel.send(APP_COMMAND_CHANNEL, 'import');
    stop();
    channel.send(APP_COMMAND_CHANNEL, 'redo');
    expect(got).toEqual(['undo', 'import']);
  });

  it('drops unknown commands and messages of other channels', () => {
    const channel = fakeChannel();
    const got: string[] = [];
    createCommandBridge(channel.subscribe).onCommand((command) => got.push(command));
    channel.send(APP_COMMAND_CHANNEL, 'rm -rf');
    channel.send(APP_COMMAND_CHANNEL, { command: 'undo' });
    channel.send('triangulate:other', 'undo');
    expect(got).toEqual([]);
  });

  it('exposes nothing but onCommand, frozen', () => {
    const bridge = createCommandBridge(fakeChannel().subscribe);
    expect(Object.keys(bridge)).toEqual(['onCommand']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
