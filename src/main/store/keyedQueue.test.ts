import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyedQueue';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('KeyedQueue', () => {
  it('runs tasks under one key one at a time, in the order they were queued', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run('a', task('1')), queue.run('a', task('2')), queue.run('a', task('3'))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
  });

  it('runs tasks under different keys side by side', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([queue.run('a', task('a')), queue.run('b', task('b'))]);
    expect(log.slice(0, 2).sort()).toEqual(['a start', 'b start']);
  });

  it('keeps going after a failed task and reports the failure to its caller only', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('a', async () => 'saved');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('saved');
  });

  it('idle() waits for every queued task', async () => {
    const queue = new KeyedQueue();
    let done = 0;
    for (const key of ['a', 'a', 'b']) {
      void queue.run(key, async () => {
        await tick();
        done++;
      });
    }
    await queue.idle();
    expect(done).toBe(3);
  });

  it('hold waits for the tasks queued before, and holds those queued after until released', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    let finishFirst!: () => void;
    void queue.run('a', () => new Promise<void>((r) => (finishFirst = () => (order.push('first'), r()))));
    const held = queue.hold();
    const later = queue.run('b', async () => void order.push('later'));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    finishFirst();
    const release = await held;
    order.push('holder');
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(['first', 'holder']);
    release();
    await later;
    expect(order).toEqual(['first', 'holder', 'later']);
  });
});
