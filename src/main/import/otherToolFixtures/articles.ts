/** The library the other-tool fixtures are about: three short articles written for these tests (fictional). */
export const FIXTURE_ARTICLES = [
  {
    id: 'harbour-strike',
    title: 'Dock workers walk out in Port Ellis',
    url: 'https://www.example-news.org/2024/05/harbour-strike/',
    origin: 'harbour-strike.html',
    language: 'en',
    text:
      'Dock workers in Port Ellis walked out on Monday after talks over night shifts collapsed. ' +
      '"We will not load a single ship until the rota is fixed," union spokesperson Mara Quinn told the Ellis Gazette. ' +
      'The port authority said in a statement that contingency crews were ready. Shipping firms warned of delays of up to a week.',
  },
  {
    id: 'bridge-closure',
    title: 'Old river bridge to close for repairs',
    url: 'https://example-times.com/local/bridge-closure',
    origin: 'bridge-closure.txt',
    language: 'en',
    text:
      'The old river bridge will close for repairs from June, the city council announced. ' +
      'Engineers found corrosion in two support beams, according to a report seen by this paper. ' +
      '"Safety comes first," said councillor Tom Reyes. Commuters will be directed to the north crossing.',
  },
  {
    id: 'harbour-day-two',
    title: 'Port says ships are moving',
    url: null,
    origin: 'harbour-day-two.md',
    language: 'en',
    text:
      'A day after dock workers walked out, the port authority said contingency crews were ready and two ships had been unloaded. ' +
      'Union spokesperson Mara Quinn called the claim "a fantasy".',
  },
] as const;
