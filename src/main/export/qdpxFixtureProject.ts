/** Test support: a small project (two articles, one with an emoji before its passages) for the .qdpx tests. */
import type { ProjectFile } from '../../shared/formats/project/projectFile';
import { DEFAULT_CODEBOOK, type Annotation } from '../../shared/model/model';
import { textHash } from '../store/textHash';

const A = 'Port Ellis 🚢 update: "We will not load a single ship," said Mara Quinn. The port said crews were ready.';
const B = 'The council said the bridge closes in June. "Safety comes first," said Tom Reyes.';

function annotation(articleId: string, text: string, id: string, tagId: string, exact: string, over: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(exact);
  return { id, articleId, tagId, start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32), note: '', attributes: {}, creator: 'ana', created: '2024-05-01T10:00:00.000Z', modified: '2024-05-01T10:05:00.000Z', ...over };
}

export function qdpxFixtureProject(): ProjectFile {
  return {
    format: 'triangulate-project',
    version: 1,
    generated: '2024-06-01T00:00:00.000Z',
    creator: 'ana',
    codebook: [...DEFAULT_CODEBOOK],
    groups: [{ id: 'g1', label: 'Refusals & <safety>', members: [{ articleId: 'port', annotationId: 'q1' }, { articleId: 'bridge', annotationId: 'q2' }], created: '2024-05-02T00:00:00.000Z', modified: '2024-05-02T00:00:00.000Z' }],
    sourceLinks: [{ id: 'l1', quote: { articleId: 'port', annotationId: 'q1' }, source: { articleId: 'port', annotationId: 's1' }, created: '2024-05-03T00:00:00.000Z' }],
    articles: [
      {
        id: 'port', title: 'Port update', date: '2024-05-06', outlet: 'Ellis Gazette', hash: textHash(A), length: A.length, origin: 'port.txt', author: 'R. Diaz', url: 'https://example.org/port', language: 'en', note: 'Check the union statement.', text: A, rejectedSuggestions: [],
        annotations: [
          annotation('port', A, 'q1', 'quote', 'We will not load a single ship', { note: 'The refusal', attributes: { speaker: 'Mara Quinn', form: 'direct' } }),
          annotation('port', A, 's1', 'source', 'said Mara Quinn', { creator: 'bo', attributes: { name: 'Mara Quinn', kind: 'official' } }),
          annotation('port', A, 'c1', 'claim', 'crews were ready', { attributes: { checkable: true } }),
        ],
      },
      {
        id: 'bridge', title: 'Bridge to close', date: null, outlet: null, hash: textHash(B), length: B.length, origin: null, author: null, url: null, language: null, note: '', text: B, rejectedSuggestions: [],
        annotations: [annotation('bridge', B, 'q2', 'quote', 'Safety comes first', { creator: 'bo' })],
      },
    ],
  };
}
