import { describe, expect, it } from 'vitest';
import { readPageMetadata, splitAuthors } from './readPageMetadata';

describe('readPageMetadata', () => {
  it('takes the NewsArticle of the JSON-LD graph over Open Graph and meta tags', () => {
    const meta = readPageMetadata(`<html lang="de"><head><title>Seite</title>
      <meta property="og:title" content="OG title"><meta property="og:description" content="OG description">
      <meta property="article:published_time" content="2020-01-01T00:00:00Z">
      <script type="application/ld+json">{ broken json </script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Page"},{"@type":["NewsArticle"],
        "headline":"Rat &amp; Stadt einig","description":"Der Vorspann.","author":{"@type":"Person","name":"Eva Muster"},
        "datePublished":"2023-11-02T10:00:00+01:00","dateModified":"2023-11-03","publisher":{"name":"Tagblatt"},
        "mainEntityOfPage":{"@id":"https://tagblatt.example/a"}}]}</script></head><body></body></html>`);
    expect(meta).toEqual({
      headline: 'Rat & Stadt einig',
      standfirst: 'Der Vorspann.',
      authors: ['Eva Muster'],
      published: '2023-11-02T10:00:00+01:00',
      modified: '2023-11-03',
      outlet: 'Tagblatt',
      canonicalUrl: 'https://tagblatt.example/a',
      language: 'de',
      title: 'Seite',
      firstHeading: null,
    });
  });

  it('falls back to Open Graph, meta tags, <time> and <link rel=canonical> when there is no JSON-LD', () => {
    const meta = readPageMetadata(`<head><meta property="og:title" content="Storm hits coast">
      <meta name="description" content="Winds of 150 km/h."><meta name="author" content="By Jo Lee and Sam Park">
      <meta property="og:site_name" content="Coast News"><meta property="og:locale" content="en_US">
      <link rel="canonical" href="https://coast.example/storm"></head><body><time datetime="2022-09-01">Sept 1</time></body>`);
    expect(meta).toMatchObject({
      headline: 'Storm hits coast',
      standfirst: 'Winds of 150 km/h.',
      authors: ['Jo Lee', 'Sam Park'],
      published: '2022-09-01',
      outlet: 'Coast News',
      canonicalUrl: 'https://coast.example/storm',
      language: 'en_US',
    });
  });

  it('splits bylines into names', () => {
    expect(splitAuthors('By Ana Ruiz, Tom Berg & Li Wei')).toEqual(['Ana Ruiz', 'Tom Berg', 'Li Wei']);
    expect(splitAuthors('von Eva Muster und Max Beispiel')).toEqual(['Eva Muster', 'Max Beispiel']);
  });
});
