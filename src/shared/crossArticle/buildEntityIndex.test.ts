import { describe, expect, it } from 'vitest';
import { detectArticleQuotes } from '../quotes/detectQuotes';
import { buildEntityIndex, type TypedCredit } from './buildEntityIndex';
import { EntityCorrectionSchema, type EntityCorrection } from './entitySchemas';

const article = (id: string, text: string) => ({ article: id, text, ...detectArticleQuotes(text) });

const a1 = article('a1', 'Mayor Tom Reiner spoke on Monday. “We will rebuild,” Mr. Reiner said. “Soon,” the mayor added, “very soon.”');
const a2 = article('a2', '“The bridge is safe,” Reiner told the Daily Ledger. The Daily Ledger reported that “repairs are late.”');
const a3 = article('a3', '“We saw nothing,” Anna Lee said. “The water rose fast,” Anna Lee added.');

const typed: TypedCredit[] = [
  { article: 'a2', annotationId: 'q1', start: 0, end: 21, exact: '“The bridge is safe,”', name: 'Mr. Reiner' },
  { article: 'a3', annotationId: 'q2', start: 0, end: 16, exact: '“We saw nothing,”', name: 'Lee (witness)' },
];

const build = (corrections: EntityCorrection[] = []) => buildEntityIndex([a1, a2, a3], typed, corrections);

describe('buildEntityIndex', () => {
  it('joins a typed speaker name to the detected entity it names, and lists an unknown one as its own', () => {
    const index = build();
    const reiner = index.entities.find((e) => e.id === 'tom-reiner')!;
    expect(reiner).toMatchObject({ name: 'Tom Reiner', quotes: 4, annotations: 1, articles: ['a1', 'a2'] });
    expect(index.canonicalOf('a2', 'Mr. Reiner')).toEqual({ id: 'tom-reiner', name: 'Tom Reiner' });
    expect(index.entities.find((e) => e.name === 'Lee (witness)')).toMatchObject({ id: 'lee-witness', quotes: 0, annotations: 1 });
  });

  it('merges two entities: one name, the other kept as an alias, counts added, the old id answering for the new', () => {
    const index = build([{ op: 'merge', into: 'anna-lee', from: 'lee-witness' }]);
    expect(index.entities.find((e) => e.id === 'lee-witness')).toBeUndefined();
    const lee = index.entities.find((e) => e.id === 'anna-lee')!;
    expect(lee).toMatchObject({ name: 'Anna Lee', quotes: 2, annotations: 1 });
    expect(lee.aliases).toContain('Lee (witness)');
    expect(index.canonicalOf('a3', 'Lee (witness)')).toEqual({ id: 'anna-lee', name: 'Anna Lee' });
    expect(index.find('lee-witness')?.id).toBe('anna-lee');
  });

  it('renames an entity: every output of it carries the new name, the old name stays an alias', () => {
    const index = build([{ op: 'rename', id: 'tom-reiner', name: 'Thomas Reiner' }]);
    const reiner = index.entities.find((e) => e.id === 'tom-reiner')!;
    expect(reiner.name).toBe('Thomas Reiner');
    expect(reiner.aliases).toContain('Tom Reiner');
    expect(index.canonicalOf('a1', 'Tom Reiner')).toEqual({ id: 'tom-reiner', name: 'Thomas Reiner' });
  });

  it('splits an alias off with the quotes credited by that name', () => {
    const before = build().entities.find((e) => e.id === 'tom-reiner')!;
    expect(before.aliases).toContain('the mayor');
    const index = build([{ op: 'split', id: 'tom-reiner', alias: 'the mayor', newId: 'the-mayor' }]);
    const mayor = index.entities.find((e) => e.id === 'the-mayor')!;
    const reiner = index.entities.find((e) => e.id === 'tom-reiner')!;
    // “Soon,” the mayor added, “very soon.”: both parts were credited by “the mayor”.
    expect(mayor).toMatchObject({ name: 'the mayor', kind: 'person', quotes: 2, articles: ['a1'] });
    expect(reiner.quotes).toBe(before.quotes - 2);
    expect(reiner.aliases).not.toContain('the mayor');
    expect(index.credits.filter((c) => c.id === 'the-mayor').map((c) => c.said)).toEqual(['the mayor', 'the mayor']);
  });

  it('splitting off the name of an entity merged in earlier takes its quotes back', () => {
    const index = build([
      { op: 'merge', into: 'tom-reiner', from: 'anna-lee' },
      { op: 'split', id: 'tom-reiner', alias: 'Anna Lee', newId: 'anna-lee-2' },
    ]);
    expect(index.problems).toEqual([]);
    expect(index.find('anna-lee-2')).toMatchObject({ name: 'Anna Lee', quotes: 2, articles: ['a3'] });
    expect(index.find('tom-reiner')).toMatchObject({ quotes: 4 });
  });

  it('changes the kind', () => {
    expect(build([{ op: 'kind', id: 'daily-ledger', kind: 'organisation' }]).find('daily-ledger')?.kind).toBe('organisation');
  });

  it('skips a correction whose entity is gone and says which', () => {
    const index = build([{ op: 'rename', id: 'nobody-here', name: 'X' }]);
    expect(index.problems).toEqual(['correction 1 (rename): no entity "nobody-here" in the corpus any more']);
    expect(index.entities.some((e) => e.name === 'X')).toBe(false);
  });

  it('refuses to split off the canonical name or a name the entity does not have', () => {
    const index = build([
      { op: 'split', id: 'tom-reiner', alias: 'Tom Reiner', newId: 'x' },
      { op: 'split', id: 'tom-reiner', alias: 'Anna Lee', newId: 'y' },
    ]);
    expect(index.problems).toEqual([
      'correction 1 (split): "Tom Reiner" is the canonical name of "tom-reiner": rename it first, then split',
      'correction 2 (split): "tom-reiner" has no alias "Anna Lee"',
    ]);
  });

  it('stored corrections are checked: ids follow the id rule, names are one line', () => {
    expect(EntityCorrectionSchema.safeParse({ op: 'rename', id: '__proto__', name: 'X' }).success).toBe(false);
    expect(EntityCorrectionSchema.safeParse({ op: 'rename', id: 'a b', name: 'X' }).success).toBe(false);
    expect(EntityCorrectionSchema.safeParse({ op: 'rename', id: 'a', name: 'X\nY' }).success).toBe(false);
    expect(EntityCorrectionSchema.safeParse({ op: 'kind', id: 'a', kind: 'planet' }).success).toBe(false);
    expect(EntityCorrectionSchema.safeParse({ op: 'merge', into: 'a', from: 'b' }).success).toBe(true);
  });
});
