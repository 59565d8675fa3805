import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitNexisExport } from './splitNexisExport';

const EXPORT = readFileSync(new URL('../fixtures/exports/nexis-uni.txt', import.meta.url), 'utf8').split('\n');

describe('splitNexisExport', () => {
  it('splits the export at each "End of Document", skipping the cover page, with headline, outlet, date and byline', () => {
    expect(splitNexisExport(EXPORT)).toEqual([
      {
        text: 'The town council voted on Tuesday night to keep the central library open, ending two years of debate.\n\nMayor Ines Alvarez said the building would get a new roof this summer.',
        title: 'Valley council keeps the library open',
        outlet: 'The Valley Post',
        date: '2024-03-05',
        author: 'Ana Ruiz, Tom Berg',
        url: null,
        language: null,
        id: null,
        where: 'article 1',
      },
      {
        text: "Neighbouring towns said they would study the valley's decision before their own budget votes.",
        title: 'Hill towns watch the valley vote',
        outlet: 'Hill Gazette',
        date: '2024-03-06',
        author: 'Li Wei',
        url: null,
        language: null,
        id: null,
        where: 'article 2',
      },
    ]);
  });

  it('is not fooled by ordinary text', () => {
    expect(splitNexisExport(['A story.', 'It ends here.'])).toBeNull();
  });
});
