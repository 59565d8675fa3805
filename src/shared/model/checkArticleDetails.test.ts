import { describe, expect, it } from 'vitest';
import { checkArticleDetails } from './checkArticleDetails';

describe('checkArticleDetails', () => {
  it('trims and turns blank optional fields into "unknown" (null)', () => {
    expect(checkArticleDetails({ title: ' T ', outlet: ' BBC ', author: '  ', url: '', note: ' kept as typed ' })).toEqual({
      ok: true,
      change: { title: 'T', outlet: 'BBC', author: null, url: null, note: ' kept as typed ' },
    });
  });

  it('accepts real dates only, written YYYY-MM-DD', () => {
    expect(checkArticleDetails({ date: '2024-02-29' })).toEqual({ ok: true, change: { date: '2024-02-29' } });
    expect(checkArticleDetails({ date: '2023-02-29' })).toMatchObject({ ok: false, message: expect.stringContaining('"2023-02-29"') });
    expect(checkArticleDetails({ date: '23/05/2022' })).toMatchObject({ ok: false, message: expect.stringContaining('YYYY-MM-DD') });
  });

  it('accepts http and https addresses only', () => {
    expect(checkArticleDetails({ url: 'https://example.org/a?b=1' })).toMatchObject({ ok: true });
    expect(checkArticleDetails({ url: 'javascript:alert(1)' })).toEqual({
      ok: false,
      message: 'The URL "javascript:alert(1)" is not a web address starting with http:// or https://.',
    });
    expect(checkArticleDetails({ url: 'example.org' })).toMatchObject({ ok: false });
  });

  it('accepts language tags such as en, de-CH, zh-Hant', () => {
    for (const language of ['en', 'de-CH', 'zh-Hant', 'gsw']) expect(checkArticleDetails({ language })).toMatchObject({ ok: true });
    expect(checkArticleDetails({ language: 'English' })).toMatchObject({ ok: false, message: expect.stringContaining('"English"') });
  });
});
