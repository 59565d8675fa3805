import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_AGENT } from './fetchWebPage';
import { readWebAddresses } from './readWebAddresses';

const PARAGRAPHS = [
  'The town council voted on Tuesday night to keep the central library open, ending two years of debate over its future and its budget.',
  'Mayor Ines Alvarez told a packed chamber that the building would get a new roof this summer and that no member of staff would lose their job.',
  'Councillors agreed to move money from the parking fund, a step that opponents called a trick and supporters called common sense for a small town.',
  'The library, opened in 1911, lends more than 80,000 books a year and is the only public place in the valley with free internet for everyone.',
];
const STORY = `<!doctype html><html lang="en"><head><title>Library stays open</title><link rel="canonical" href="https://valleypost.example/library"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Library stays open</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const FULL_ITEM = Array.from({ length: 8 }, (_, i) => `<p>${PARAGRAPHS[i % 4]}</p>`).join('');

let server: Server;
let base = '';
const agents: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    agents.push(req.headers['user-agent'] ?? '');
    const port = (server.address() as AddressInfo).port;
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/story.html':
        return send(200, 'text/html; charset=utf-8', STORY);
      case '/feed.xml':
        return send(
          200,
          'application/rss+xml',
          `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Post</title>
          <item><title>Full story in the feed</title><link>https://valleypost.example/full</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
          <description>Teaser</description><content:encoded><![CDATA[${FULL_ITEM}]]></content:encoded></item>
          <item><title>Teaser only</title><link>/story.html</link><pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate><description>Read on…</description></item>
          </channel></rss>`,
        );
      case '/missing':
        return send(404, 'text/html', 'Not here');
      case '/image.png':
        return send(200, 'image/png', 'PNG');
      case '/away':
        return send(302, 'text/html', '', { location: `http://localhost:${port}/story.html` });
      case '/same':
        return send(301, 'text/html', '', { location: '/story.html' });
      case '/slow':
        return; // never answers
      default:
        return send(500, 'text/plain', 'oops');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('readWebAddresses', () => {
  it('imports a page, follows a redirect on the same host, and names Triangulate in the User-Agent', async () => {
    const [page, moved] = await readWebAddresses([`${base}/story.html`, `${base}/same`]);
    expect(page!.name).toBe(`${base}/story.html`);
    expect(page!.result.ok && page!.result.drafts[0]).toMatchObject({
      title: 'Library stays open',
      url: 'https://valleypost.example/library',
      language: 'en',
      text: PARAGRAPHS.join('\n\n'),
    });
    expect(moved!.result.ok).toBe(true);
    expect(agents.every((a) => a === USER_AGENT)).toBe(true);
  });

  it('imports each feed item: its own text when it is the whole article, else the page it links to', async () => {
    const reads = await readWebAddresses([`${base}/feed.xml`]);
    expect(reads.map((r) => r.name)).toEqual([`${base}/feed.xml › https://valleypost.example/full`, `${base}/feed.xml › /story.html`]);
    expect(reads[0]!.result.ok && reads[0]!.result.drafts[0]).toMatchObject({ title: 'Full story in the feed', date: '2024-03-05', url: 'https://valleypost.example/full' });
    expect(reads[0]!.result.ok && reads[0]!.result.drafts[0]!.text.split('\n\n')).toHaveLength(8);
    expect(reads[1]!.result.ok && reads[1]!.result.drafts[0]).toMatchObject({ title: 'Library stays open', text: PARAGRAPHS.join('\n\n') });
  });

  it('reports each bad address with its reason and still reads the good ones', async () => {
    const reads = await readWebAddresses(
      [`${base}/missing`, `${base}/image.png`, `${base}/away`, `${base}/slow`, 'ftp://example.org/x', `${base}/story.html`],
      { timeoutMs: 500, maxBytes: 1024 * 1024, maxRedirects: 5 },
    );
    expect(reads.map((r) => (r.result.ok ? 'ok' : r.result.reason))).toEqual([
      'the server answered 404 Not Found',
      'it is not a web page or feed (the server says it is image/png)',
      expect.stringMatching(/^it redirects to another site \(localhost:\d+\), which is not followed/),
      'no complete answer within 0.5 s (timed out)',
      'only http and https addresses are fetched, not ftp:',
      'ok',
    ]);
  });

  it('stops reading a page larger than the size cap', async () => {
    const [read] = await readWebAddresses([`${base}/story.html`], { timeoutMs: 5_000, maxBytes: 200, maxRedirects: 5 });
    expect(read!.result).toEqual({ ok: false, reason: 'it is larger than 1 KB, the limit for one page' });
  });
});
