import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToParagraphs } from '../html/htmlToParagraphs';
import { splitFactivaExport } from './splitFactivaExport';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), 'utf8');

describe('splitFactivaExport', () => {
  it('reads the field blocks of a text export: HD, BY, PD, SN, LA, and LP then TD as the text', () => {
    const drafts = splitFactivaExport(fixture('factiva.txt').split('\n').filter((l) => l.trim() !== ''));
    expect(drafts).toEqual([
      expect.objectContaining({
        title: 'Valley council keeps the library open',
        author: 'Ana Ruiz',
        date: '2024-03-05',
        outlet: 'The Valley Post',
        language: 'en',
        where: 'Document VALPST0020240305ek350001m',
        text: 'The town council voted on Tuesday night to keep the central library open.\n\nMayor Ines Alvarez said the building would get a new roof this summer.\n\nNo member of staff will lose their job.',
      }),
      expect.objectContaining({ title: 'Bibliothek bleibt offen', author: 'Eva Muster', language: 'de', outlet: 'Tal-Anzeiger', date: '2024-03-06' }),
    ]);
  });

  it('reads the table rows of an HTML export the same way', () => {
    const drafts = splitFactivaExport(htmlToParagraphs(fixture('factiva.html')));
    expect(drafts?.map((d) => [d.title, d.author, d.date, d.outlet, d.text])).toEqual([
      [
        'Valley council keeps the library open',
        'Ana Ruiz',
        '2024-03-05',
        'The Valley Post',
        'The town council voted on Tuesday night to keep the central library open.\n\nMayor Ines Alvarez said the building would get a new roof this summer.\n\nNo member of staff will lose their job.',
      ],
      ['Hill towns watch the valley vote', 'Li Wei', '2024-03-06', 'Hill Gazette', 'Neighbouring towns said they would study the decision.'],
    ]);
  });
});
