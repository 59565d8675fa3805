import { describe, expect, it } from 'vitest';
import { normalizeUrl } from './normalizeUrl';

describe('normalizeUrl', () => {
  it('reads the same page under its different spellings as one', () => {
    const forms = [
      'https://www.example.com/news/story/',
      'http://example.com/news/story',
      'HTTPS://Example.com/news/story?utm_source=twitter&utm_medium=social',
      'https://example.com/news/story#comments',
      'https://example.com/news/story/?fbclid=abc',
    ];
    expect(new Set(forms.map(normalizeUrl))).toEqual(new Set(['example.com/news/story']));
  });

  it('keeps the parameters that name the page, in a fixed order', () => {
    expect(normalizeUrl('https://example.com/a?page=2&id=7&utm_campaign=x')).toBe('example.com/a?id=7&page=2');
    expect(normalizeUrl('https://example.com/a?id=7')).not.toBe(normalizeUrl('https://example.com/a?id=8'));
  });

  it('is null for what is not a web address', () => {
    expect(normalizeUrl('urn:triangulate:article:a1')).toBeNull();
    expect(normalizeUrl('story.txt')).toBeNull();
  });
});
