import { describe, expect, it } from 'vitest';
import { checkAcknowledgedWrites, type AnnotationState, type DiskAnnotations } from './checkAcknowledgedWrites';
import type { StressEvent } from './stressWrites';

const disk = (entries: Record<string, Record<string, [string, string]>>): DiskAnnotations =>
  new Map(
    Object.entries(entries).map(([article, anns]) => [
      article,
      new Map(Object.entries(anns).map(([id, [note, tagId]]): [string, AnnotationState] => [id, { note, tagId }])),
    ]),
  );

const begin = (op: 'create' | 'update' | 'delete', id: string | null, note: string | null, tagId: string | null = null): StressEvent => ({ t: 'begin', article: 'a', op, id, note, tagId });
const ack = (op: 'create' | 'update' | 'delete', id: string, note: string | null, tagId: string | null = null): StressEvent => ({ t: 'ack', article: 'a', op, id, note, tagId });

/** Create n1 "one", update it to "two" (tag claim), create n2 "three", delete n2: all acknowledged. */
const HISTORY: StressEvent[] = [
  begin('create', null, 'one', 'quote'),
  ack('create', 'n1', 'one', 'quote'),
  begin('update', 'n1', 'two', 'claim'),
  ack('update', 'n1', 'two', 'claim'),
  begin('create', null, 'three', 'quote'),
  ack('create', 'n2', 'three', 'quote'),
  begin('delete', 'n2', null),
  ack('delete', 'n2', null),
];

describe('checkAcknowledgedWrites', () => {
  it('accepts a disk that holds exactly what the acknowledged writes left, and counts them', () => {
    expect(checkAcknowledgedWrites(new Map(), HISTORY, disk({ a: { n1: ['two', 'claim'] } }))).toEqual({ acknowledged: 4, failures: [] });
  });

  it('reports a lost acknowledged create, a lost update and an undone delete', () => {
    expect(checkAcknowledgedWrites(new Map(), HISTORY, disk({ a: {} })).failures).toEqual([
      'a: annotation n1 is missing (its last acknowledged write left it with note "two")',
    ]);
    expect(checkAcknowledgedWrites(new Map(), HISTORY, disk({ a: { n1: ['one', 'quote'] } })).failures).toEqual([
      'a: annotation n1 has note "one" and tag quote, not the acknowledged "two" and claim',
    ]);
    expect(checkAcknowledgedWrites(new Map(), HISTORY, disk({ a: { n1: ['two', 'claim'], n2: ['three', 'quote'] } })).failures).toEqual([
      'a: annotation n2 (note "three") is on disk, but no acknowledged write left it there',
    ]);
  });

  it('allows the one write in flight to have landed or not', () => {
    const events = [...HISTORY, begin('update', 'n1', 'four')];
    expect(checkAcknowledgedWrites(new Map(), events, disk({ a: { n1: ['two', 'claim'] } })).failures).toEqual([]);
    expect(checkAcknowledgedWrites(new Map(), events, disk({ a: { n1: ['four', 'claim'] } })).failures).toEqual([]);
    expect(checkAcknowledgedWrites(new Map(), events, disk({ a: { n1: ['one', 'quote'] } })).failures).toHaveLength(1);
  });

  it('recognises a create in flight by its note, and nothing else', () => {
    const events = [...HISTORY, begin('create', null, 'five', 'source')];
    expect(checkAcknowledgedWrites(new Map(), events, disk({ a: { n1: ['two', 'claim'], x9: ['five', 'source'] } })).failures).toEqual([]);
    expect(checkAcknowledgedWrites(new Map(), events, disk({ a: { n1: ['two', 'claim'], x9: ['six', 'source'] } })).failures).toEqual([
      'a: annotation x9 (note "six") is on disk, but no acknowledged write left it there',
    ]);
  });

  it('starts from what was on disk before the run', () => {
    const before = disk({ a: { old: ['kept', 'quote'], gone: ['x', 'quote'] }, b: { other: ['untouched', 'claim'] } });
    const events = [begin('delete', 'gone', null), ack('delete', 'gone', null)];
    expect(checkAcknowledgedWrites(before, events, disk({ a: { old: ['kept', 'quote'] }, b: { other: ['untouched', 'claim'] } })).failures).toEqual([]);
    expect(checkAcknowledgedWrites(before, events, disk({ a: { old: ['kept', 'quote'] } })).failures).toEqual([
      'b: annotation other is missing (its last acknowledged write left it with note "untouched")',
    ]);
  });

  it('reports writes the core refused', () => {
    const events: StressEvent[] = [begin('update', 'n1', 'x'), { t: 'fail', article: 'a', op: 'update', error: 'There is no annotation "n1"' }];
    expect(checkAcknowledgedWrites(new Map(), events, new Map()).failures).toEqual(['a: the core refused a update: There is no annotation "n1"']);
  });
});
