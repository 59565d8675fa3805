import { describe, expect, it } from 'vitest';
import { UndoStack, type UndoEntry } from './undoStack';

/** An entry that logs what it does into `log`. */
function entry(name: string, log: string[], mergeKey?: string): UndoEntry {
  return {
    label: name,
    articleIds: ['a'],
    mergeKey,
    undo: async () => {
      log.push(`undo ${name}`);
      return { articleId: 'a', annotationId: name };
    },
    redo: async () => {
      log.push(`redo ${name}`);
      return { articleId: 'a', annotationId: name };
    },
  };
}

describe('UndoStack', () => {
  it('undoes in reverse order and redoes what was undone', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(entry('one', log));
    stack.push(entry('two', log));
    expect(await stack.undo()).toMatchObject({ kind: 'undo', label: 'two', target: { annotationId: 'two' } });
    await stack.undo();
    expect(await stack.undo()).toBeNull();
    expect(stack.canUndo).toBe(false);
    expect(await stack.redo()).toMatchObject({ kind: 'redo', label: 'one' });
    await stack.redo();
    expect(await stack.redo()).toBeNull();
    expect(log).toEqual(['undo two', 'undo one', 'redo one', 'redo two']);
  });

  it('a new change clears what could be redone', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(entry('one', log));
    await stack.undo();
    expect(stack.canRedo).toBe(true);
    stack.push(entry('two', log));
    expect(stack.canRedo).toBe(false);
    expect(await stack.redo()).toBeNull();
    expect(stack.nextUndoLabel).toBe('two');
  });

  it('merges changes with the same key made close together: one undo goes back before the first', async () => {
    const log: string[] = [];
    let now = 0;
    const stack = new UndoStack({ mergeMs: 1000, now: () => now });
    stack.push(entry('note1', log, 'note:x'));
    now = 500;
    stack.push(entry('note2', log, 'note:x'));
    now = 5000;
    stack.push(entry('note3', log, 'note:x'));
    await stack.undo();
    await stack.undo();
    expect(await stack.undo()).toBeNull();
    expect(log).toEqual(['undo note3', 'undo note1']);
    await stack.redo();
    expect(log.at(-1)).toBe('redo note2');
  });

  it('runs steps one at a time, and drops a step that fails', async () => {
    const order: string[] = [];
    let release!: () => void;
    const stack = new UndoStack();
    stack.push({
      label: 'slow',
      articleIds: [],
      undo: () => new Promise((resolve) => (release = () => (order.push('slow done'), resolve(null)))),
      redo: async () => null,
    });
    stack.push({
      label: 'broken',
      articleIds: [],
      undo: async () => {
        order.push('broken');
        throw new Error('gone');
      },
      redo: async () => null,
    });
    const first = stack.undo();
    const second = stack.undo();
    await expect(first).rejects.toThrow('gone');
    await new Promise((r) => setTimeout(r, 0));
    release();
    await second;
    expect(order).toEqual(['broken', 'slow done']);
    expect(stack.canUndo).toBe(false);
    expect(stack.canRedo).toBe(true);
  });

  it('joins the changes of one action (same join key, close together) into one step', async () => {
    const log: string[] = [];
    let now = 0;
    const stack = new UndoStack({ joinMs: 100, now: () => now });
    stack.push(entry('before', log));
    stack.push({ ...entry('unlink', log), joinKey: 'credit:q' });
    now = 50;
    stack.push({ ...entry('link', log), joinKey: 'credit:q' });
    expect(await stack.undo()).toMatchObject({ label: 'link' });
    expect(log).toEqual(['undo link', 'undo unlink']);
    await stack.redo();
    expect(log.slice(2)).toEqual(['redo unlink', 'redo link']);
    expect(stack.nextUndoLabel).toBe('link');
  });

  it('keeps at most `limit` changes', async () => {
    const log: string[] = [];
    const stack = new UndoStack({ limit: 2 });
    for (const n of ['a', 'b', 'c']) stack.push(entry(n, log));
    await stack.undo();
    await stack.undo();
    expect(await stack.undo()).toBeNull();
    expect(log).toEqual(['undo c', 'undo b']);
  });
});
