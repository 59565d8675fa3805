import { describe, expect, it } from 'vitest';
import { diffVersions } from './diffVersions';

describe('diffVersions', () => {
  it('shows a stealth edit as a rewording, with the text around it kept', () => {
    const diff = diffVersions('The police said five people died.', 'The police said seven people died.');
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'The police said ' },
      { kind: 'reworded', from: 'five', to: 'seven' },
      { kind: 'same', text: ' people died.' },
    ]);
    expect(diff).toMatchObject({ added: 0, removed: 0, reworded: 1 });
  });

  it('counts the words of a paragraph added at the end and of a sentence removed', () => {
    const added = diffVersions('First paragraph.\n\nSecond paragraph.', 'First paragraph.\n\nSecond paragraph.\n\nA new third paragraph here.');
    expect(added.parts.at(-1)).toEqual({ kind: 'added', text: 'A new third paragraph here.' });
    expect(added).toMatchObject({ added: 5, removed: 0, reworded: 0 });
    const removed = diffVersions('He left. She stayed behind quietly. They waited.', 'He left. They waited.');
    expect(removed.parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['She stayed behind quietly.']);
    expect(removed).toMatchObject({ added: 0, removed: 4, reworded: 0 });
  });

  it('rebuilds both versions from its parts', () => {
    const older = 'Officials denied the report on Monday, calling it false.';
    const newer = 'Officials confirmed parts of the report on Tuesday.';
    const { parts } = diffVersions(older, newer);
    const before = parts.map((p) => (p.kind === 'same' || p.kind === 'removed' ? p.text : p.kind === 'reworded' ? p.from : '')).join('');
    const after = parts.map((p) => (p.kind === 'same' || p.kind === 'added' ? p.text : p.kind === 'reworded' ? p.to : '')).join('');
    expect(before).toBe(older);
    expect(after).toBe(newer);
  });

  it('finds nothing changed between equal texts', () => {
    expect(diffVersions('Same text.', 'Same text.')).toMatchObject({ added: 0, removed: 0, reworded: 0 });
  });
});
